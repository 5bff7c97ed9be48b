using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using PlatformFlow.Client;
using PlatformFlow.Client.Inputs;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Operations;
using Xunit;

namespace PlatformFlow.Tests.Support
{
    /// <summary>
    /// Builds the parts of a flow through the cmdlets' operations with explicit inputs, for tests of the client, the
    /// operations and the emulator. How PowerShell binds one step's output to the next is proven in real pwsh
    /// (tests/Pipeline.Tests.ps1, tests/Binding.Tests.ps1), not here.
    /// </summary>
    public sealed class FlowBuilder
    {
        private readonly PlatformClient _client;

        public FlowBuilder(PlatformClient client)
        {
            _client = client;
        }

        /// <summary>The tutorial's prerequisites: a schema, a dataset on it, a Shopify base connection.</summary>
        public async Task<(XdmSchema Schema, Dataset Dataset, BaseConnection Base)> PrerequisitesAsync(string name = "Shopify orders")
        {
            var schema = await OnlyAsync<XdmSchema>(host => new NewXdmSchemaOperation(_client).RunAsync(
                new XdmSchemaInput { Title = name + " " + Guid.NewGuid().ToString("N").Substring(0, 6), Class = "profile", FieldGroups = new[] { "profile-person-details", "profile-personal-details" } },
                host));
            var dataset = await OnlyAsync<Dataset>(host => new NewDatasetOperation(_client).RunAsync(new DatasetInput { Name = name, SchemaId = schema.Id }, host));
            var shop = await OnlyAsync<BaseConnection>(host => new NewBaseConnectionOperation(_client).RunAsync(
                new BaseConnectionInput { Name = "Shop", ConnectionSpec = "Shopify", Parameters = new Hashtable { ["host"] = "shop.example", ["accessToken"] = "shpat-secret-1" } },
                host));
            return (schema, dataset, shop);
        }

        /// <summary>A source connection on Shopify.Orders (all its columns), its target on the dataset, and an Email mapping.</summary>
        public async Task<(SourceConnection Source, TargetConnection Target, MappingSet Mapping)> PartsAsync(string flowName, string baseConnectionId, Dataset dataset)
        {
            var source = await OnlyAsync<SourceConnection>(host => new NewSourceConnectionOperation(_client).RunAsync(
                new SourceConnectionInput { FlowName = flowName, BaseConnectionId = baseConnectionId, TableName = "Shopify.Orders" }, host));
            var target = await OnlyAsync<TargetConnection>(host => new NewTargetConnectionOperation(_client).RunAsync(
                new TargetConnectionInput { FlowName = flowName, DatasetId = dataset.Id, SchemaId = dataset.SchemaRef?.Id }, host));
            var mapping = await OnlyAsync<MappingSet>(host => new NewMappingSetOperation(_client).RunAsync(
                new MappingSetInput
                {
                    Mappings = new[] { new Mapping("Email", "personalEmail.address") },
                    SchemaId = dataset.SchemaRef?.Id,
                    SourceConnectionId = source.Id,
                    TargetConnectionId = target.Id,
                },
                host));
            return (source, target, mapping);
        }

        /// <summary>A flow of the tutorial's flow spec over the parts, running once from now (New-Dataflow's defaults).</summary>
        public Task<Dataflow> FlowAsync(string flowName, SourceConnection source, TargetConnection target, MappingSet mapping) =>
            OnlyAsync<Dataflow>(host => new NewDataflowOperation(_client).RunAsync(
                new DataflowInput
                {
                    FlowName = flowName,
                    FlowSpecId = WellKnown.CrmToAepFlowSpecId,
                    SourceConnectionIds = new[] { source.Id },
                    TargetConnectionIds = new[] { target.Id },
                    MappingSetId = mapping.Id,
                },
                host));

        /// <summary>Runs an operation and returns the one object it wrote, failing with its errors when there is none.</summary>
        public static async Task<T> OnlyAsync<T>(Func<RecordingHost, Task> run)
        {
            var host = new RecordingHost();
            await run(host);
            host.AssertNoErrors();
            return host.Single<T>();
        }
    }
}
