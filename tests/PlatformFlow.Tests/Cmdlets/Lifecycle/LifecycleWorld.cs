using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using PlatformFlow.Client;
using PlatformFlow.Client.Inputs;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Operations;
using PlatformFlow.Emulator.Engine;
using PlatformFlow.Tests.Support;
using Xunit;

namespace PlatformFlow.Tests.Cmdlets.Lifecycle
{
    /// <summary>
    /// An emulator and client sharing one manual clock (so runs move only when a test moves time), and flows built the way
    /// the cmdlets build them (their operations), or copies of a flow made through the client.
    /// </summary>
    public sealed class LifecycleWorld : IDisposable
    {
        private (XdmSchema Schema, Dataset Dataset, BaseConnection Base)? _prerequisites;

        public LifecycleWorld()
        {
            Clock = new ManualTimeProvider();
            Platform = new TestPlatform(new EmulatorOptions { Clock = Clock }, clientClock: Clock);
            Builder = new FlowBuilder(Platform.Client);
        }

        public ManualTimeProvider Clock { get; }

        public TestPlatform Platform { get; }

        public FlowBuilder Builder { get; }

        public PlatformClient Client => Platform.Client;

        public EmulatorEngine Engine => Platform.Engine;

        public BaseConnection Shop => _prerequisites!.Value.Base;

        /// <summary>Requests the emulator answered since the journal was last cleared, e.g. <c>DELETE /flows</c>.</summary>
        public IReadOnlyList<JournalEntry> Requests(string method, string pathPrefix) =>
            Engine.Journal.Recent.Where(e => e.Method == method && e.Path.StartsWith("/data/foundation/flowservice" + pathPrefix, StringComparison.Ordinal)).ToList();

        public long Writes => Engine.Journal.DataWrites();

        /// <summary>A flow with its own source and target connections (on the shared base connection), as New-Dataflow makes it.</summary>
        public async Task<Dataflow> NewFlowAsync(string name, BaseConnection? baseConnection = null)
        {
            _prerequisites ??= await Builder.PrerequisitesAsync();
            var (_, dataset, shop) = _prerequisites.Value;
            var (source, target, mapping) = await Builder.PartsAsync(name, (baseConnection ?? shop).Id, dataset);
            return await Builder.FlowAsync(name, source, target, mapping);
        }

        /// <summary>A second base connection of the same source.</summary>
        public async Task<BaseConnection> NewBaseConnectionAsync(string name)
        {
            var host = new RecordingHost();
            await new NewBaseConnectionOperation(Client).RunAsync(
                new BaseConnectionInput { Name = name, ConnectionSpec = "Shopify", Parameters = new Hashtable { ["host"] = "other.example", ["accessToken"] = "shpat-secret-2" } },
                host);
            return host.Single<BaseConnection>();
        }

        /// <summary>A copy of <paramref name="flow"/> under another name, through the client; it runs once, a year from now.</summary>
        public async Task<Dataflow> CopyFlowAsync(Dataflow flow, string name, IReadOnlyList<string>? sourceConnectionIds = null, IReadOnlyList<string>? targetConnectionIds = null)
        {
            var created = await Client.FlowService.Flows.CreateAsync(new DataflowRequest
            {
                Name = name,
                FlowSpec = flow.FlowSpec!,
                SourceConnectionIds = (sourceConnectionIds ?? flow.SourceConnectionIds).ToList(),
                TargetConnectionIds = (targetConnectionIds ?? flow.TargetConnectionIds).ToList(),
                Transformations = flow.Transformations!,
                ScheduleParams = new ScheduleParams { Frequency = "once", StartTime = Clock.GetUtcNow().AddYears(1) },
            });
            return await Client.FlowService.Flows.GetAsync(created.Id);
        }

        /// <summary>The one run of <paramref name="flow"/> (Get-FlowRun -FlowId), failing on any error.</summary>
        public async Task<FlowRun> TheOnlyRunOfAsync(Dataflow flow)
        {
            var host = new RecordingHost();
            await new GetFlowRunOperation(Client).RunAsync(new FlowRunQuery { FlowId = flow.Id }, host);
            return Only<FlowRun>(host);
        }

        public static T Only<T>(RecordingHost host)
        {
            host.AssertNoErrors();
            return host.Single<T>();
        }

        public void Dispose() => Platform.Dispose();
    }
}
