using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Operations;
using PlatformFlow.Commands;
using PlatformFlow.Tests.Support;
using Xunit;

namespace PlatformFlow.Tests.Cmdlets
{
    /// <summary>
    /// Runs the flow pipeline step by step as PowerShell would: each step's parameters are bound (explicitly and by property
    /// name from the previous step's output) by <see cref="PipelineBinder"/>, set on the real cmdlet object, turned into its
    /// operation's input by the cmdlet's own code, and run against the in-process emulator through a recording seam.
    /// </summary>
    public sealed class FlowPipelineFixture : IDisposable
    {
        public FlowPipelineFixture(TestPlatform? platform = null)
        {
            Platform = platform ?? new TestPlatform();
        }

        public TestPlatform Platform { get; }

        public static Dictionary<string, object?> Params(params (string Name, object? Value)[] values) =>
            values.ToDictionary(v => v.Name, v => v.Value, StringComparer.OrdinalIgnoreCase);

        /// <summary>The tutorial's prerequisites: a schema, a dataset on it, a Shopify base connection.</summary>
        public async Task<(XdmSchema Schema, Dataset Dataset, BaseConnection Base)> PrerequisitesAsync(string name = "Shopify orders")
        {
            var client = Platform.Client;
            var schemaHost = new RecordingHost();
            await new NewXdmSchemaOperation(client).RunAsync(
                new XdmSchemaInput { Title = name + " " + Guid.NewGuid().ToString("N").Substring(0, 6), Class = "profile", FieldGroups = new[] { "profile-person-details", "profile-personal-details" } },
                schemaHost);
            var schema = Only<XdmSchema>(schemaHost);

            var datasetHost = new RecordingHost();
            await new NewDatasetOperation(client).RunAsync(new DatasetInput { Name = name, SchemaId = schema.Id }, datasetHost);
            var dataset = Only<Dataset>(datasetHost);

            var baseHost = new RecordingHost();
            await new NewBaseConnectionOperation(client).RunAsync(
                new BaseConnectionInput { Name = "Shop", ConnectionSpec = "Shopify", Parameters = new Hashtable { ["host"] = "shop.example", ["accessToken"] = "shpat-secret-1" } },
                baseHost);
            return (schema, dataset, Only<BaseConnection>(baseHost));
        }

        public async Task<StepResult> NewSourceConnectionAsync(IReadOnlyDictionary<string, object?> explicitValues, EmittedObject? input = null, RecordingHost? host = null)
        {
            var binding = Bind<NewSourceConnectionCommand>(explicitValues, input);
            var cmdlet = CmdletFactory.Create<NewSourceConnectionCommand>(binding.Values);
            return await RunAsync(binding, host, h => new NewSourceConnectionOperation(Platform.Client).RunAsync(cmdlet.CreateInput(CmdletFactory.Carried(input), input?.Value), h));
        }

        public async Task<StepResult> NewTargetConnectionAsync(IReadOnlyDictionary<string, object?> explicitValues, EmittedObject? input, RecordingHost? host = null)
        {
            var binding = Bind<NewTargetConnectionCommand>(explicitValues, input);
            var cmdlet = CmdletFactory.Create<NewTargetConnectionCommand>(binding.Values);
            return await RunAsync(binding, host, h => new NewTargetConnectionOperation(Platform.Client).RunAsync(cmdlet.CreateInput(CmdletFactory.Carried(input), input?.Value), h));
        }

        public async Task<StepResult> NewMappingSetAsync(IReadOnlyDictionary<string, object?> explicitValues, EmittedObject? input, RecordingHost? host = null)
        {
            var binding = Bind<NewMappingSetCommand>(explicitValues, input);
            var cmdlet = CmdletFactory.Create<NewMappingSetCommand>(binding.Values);
            return await RunAsync(binding, host, h => new NewMappingSetOperation(Platform.Client).RunAsync(cmdlet.CreateInput(CmdletFactory.Carried(input), input?.Value), h));
        }

        public async Task<StepResult> GetFlowSpecAsync(IReadOnlyDictionary<string, object?> explicitValues, EmittedObject? input, RecordingHost? host = null)
        {
            var binding = Bind<GetFlowSpecCommand>(explicitValues, input);
            var cmdlet = CmdletFactory.Create<GetFlowSpecCommand>(binding.Values);
            return await RunAsync(binding, host, h => new GetFlowSpecOperation(Platform.Client).RunAsync(cmdlet.CreateQuery(input is null ? null : CmdletFactory.Carried(input), input?.Value), h));
        }

        public async Task<StepResult> NewDataflowAsync(IReadOnlyDictionary<string, object?> explicitValues, EmittedObject? input, RecordingHost? host = null)
        {
            var binding = Bind<NewDataflowCommand>(explicitValues, input);
            var cmdlet = CmdletFactory.Create<NewDataflowCommand>(binding.Values);
            return await RunAsync(binding, host, h => new NewDataflowOperation(Platform.Client).RunAsync(cmdlet.CreateInput(CmdletFactory.Carried(input), input?.Value, explicitValues.ContainsKey("Backfill")), h));
        }

        public void Dispose() => Platform.Dispose();

        private static T Only<T>(RecordingHost host)
        {
            Assert.Empty(host.Errors.Select(e => e.Message));
            return host.Single<T>();
        }

        private static BindingResult Bind<TCmdlet>(IReadOnlyDictionary<string, object?> explicitValues, EmittedObject? input)
        {
            var binding = PipelineBinder.Bind(CmdletMetadata.Of<TCmdlet>(), explicitValues, input);
            Assert.True(binding.Succeeded, CmdletMetadata.Of<TCmdlet>().Name + " cannot bind: " + binding);
            return binding;
        }

        private static async Task<StepResult> RunAsync(BindingResult binding, RecordingHost? host, Func<RecordingHost, Task> run)
        {
            host ??= new RecordingHost();
            await run(host);
            return new StepResult(binding, host);
        }
    }

    public sealed class StepResult
    {
        public StepResult(BindingResult binding, RecordingHost host)
        {
            Binding = binding;
            Host = host;
        }

        public BindingResult Binding { get; }

        public RecordingHost Host { get; }

        /// <summary>The one object the step emitted (failing with the step's errors when there is none).</summary>
        public EmittedObject Output
        {
            get
            {
                Assert.True(Host.Errors.Count == 0, string.Join(Environment.NewLine, Host.Errors.Select(e => e.ErrorId + ": " + e.Message)));
                return Assert.Single(Host.Objects);
            }
        }
    }
}
