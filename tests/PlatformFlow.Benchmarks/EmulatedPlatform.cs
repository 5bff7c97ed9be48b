using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using PlatformFlow.Client;
using PlatformFlow.Client.Auth;
using PlatformFlow.Client.Inputs;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Operations;
using PlatformFlow.Emulator.Engine;

namespace PlatformFlow.Benchmarks
{
    /// <summary>An in-process emulator and a client signed in to it through the client's real handler chain.</summary>
    public sealed class EmulatedPlatform : IDisposable
    {
        private const string ClientId = "platformflow-benchmarks";
        private const string ClientSecret = "benchmark-secret-5d1c";

        // Creates are cheap in process; a few in flight keep both cores busy without piling up on the sandbox lock.
        private const int ConcurrentCreates = 8;

        private static readonly Uri Gateway = new Uri("https://platform.benchmark.invalid");

        public EmulatedPlatform()
        {
            Engine = new EmulatorEngine(new EmulatorOptions { Credentials = new EmulatorCredentials(ClientId, ClientSecret) });
            Client = new PlatformClient(new PlatformClientOptions
            {
                BaseUri = Gateway,
                OrgId = "BENCHMARK000000000000000@AdobeOrg",
                Sandbox = "prod",
                Credentials = new ImsCredentials(ClientId, ClientSecret, null, Gateway),
                PrimaryHandler = () => Meter.NewHandler(Engine),
            });
        }

        public EmulatorEngine Engine { get; }

        public EmulatorMeter Meter { get; } = new EmulatorMeter();

        public PlatformClient Client { get; }

        /// <summary>
        /// <paramref name="count"/> flows: one built step by step as the tutorial pipeline does, the rest copies of it
        /// through the client, sharing its connections and mapping set.
        /// </summary>
        public async Task CreateFlowsAsync(int count)
        {
            var template = await NewTemplateFlowAsync().ConfigureAwait(false);
            await Parallel.ForEachAsync(
                Enumerable.Range(1, count - 1),
                new ParallelOptions { MaxDegreeOfParallelism = ConcurrentCreates },
                async (number, cancellation) => await Client.FlowService.Flows.CreateAsync(
                    new DataflowRequest
                    {
                        Name = "Bench " + number.ToString("D6", CultureInfo.InvariantCulture),
                        FlowSpec = template.FlowSpec!,
                        SourceConnectionIds = template.SourceConnectionIds,
                        TargetConnectionIds = template.TargetConnectionIds,
                        Transformations = template.Transformations!,
                        ScheduleParams = template.ScheduleParams!,
                    },
                    cancellation).ConfigureAwait(false)).ConfigureAwait(false);
        }

        public void Dispose() => Client.Dispose();

        private async Task<Dataflow> NewTemplateFlowAsync()
        {
            const string flowName = "Bench template";
            var schema = await RunAsync<XdmSchema>(host => new NewXdmSchemaOperation(Client).RunAsync(
                new XdmSchemaInput { Title = "Benchmark orders", Class = "profile", FieldGroups = new[] { "profile-person-details", "profile-personal-details" } },
                host)).ConfigureAwait(false);
            var dataset = await RunAsync<Dataset>(host => new NewDatasetOperation(Client).RunAsync(
                new DatasetInput { Name = "Benchmark orders", SchemaId = schema.Id },
                host)).ConfigureAwait(false);
            var shop = await RunAsync<BaseConnection>(host => new NewBaseConnectionOperation(Client).RunAsync(
                new BaseConnectionInput { Name = "Shop", ConnectionSpec = "Shopify", Parameters = new Hashtable { ["host"] = "shop.example", ["accessToken"] = "shpat-benchmark" } },
                host)).ConfigureAwait(false);
            var source = await RunAsync<SourceConnection>(host => new NewSourceConnectionOperation(Client).RunAsync(
                new SourceConnectionInput { FlowName = flowName, BaseConnectionId = shop.Id, TableName = "Shopify.Orders" },
                host)).ConfigureAwait(false);
            var target = await RunAsync<TargetConnection>(host => new NewTargetConnectionOperation(Client).RunAsync(
                new TargetConnectionInput { FlowName = flowName, DatasetId = dataset.Id, SchemaId = schema.Id },
                host)).ConfigureAwait(false);
            var mapping = await RunAsync<MappingSet>(host => new NewMappingSetOperation(Client).RunAsync(
                new MappingSetInput
                {
                    Mappings = new[] { new Mapping("Email", "personalEmail.address") },
                    SchemaId = schema.Id,
                    SourceConnectionId = source.Id,
                    TargetConnectionId = target.Id,
                },
                host)).ConfigureAwait(false);
            var spec = await RunAsync<FlowSpec>(host => new GetFlowSpecOperation(Client).RunAsync(
                new FlowSpecQuery { ConnectionSpecId = source.ConnectionSpec?.Id },
                host)).ConfigureAwait(false);
            return await RunAsync<Dataflow>(host => new NewDataflowOperation(Client).RunAsync(
                new DataflowInput
                {
                    FlowName = flowName,
                    FlowSpecId = spec.Id,
                    SourceConnectionIds = new[] { source.Id },
                    TargetConnectionIds = new[] { target.Id },
                    MappingSetId = mapping.Id,

                    // Far enough ahead that no run is due while the benchmark lists.
                    StartTime = DateTimeOffset.UtcNow.AddYears(1),
                },
                host)).ConfigureAwait(false);
        }

        private static async Task<T> RunAsync<T>(Func<ResultHost<T>, Task> operation)
            where T : class
        {
            var host = new ResultHost<T>();
            await operation(host).ConfigureAwait(false);
            return host.Result;
        }
    }
}
