using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Operations;
using PlatformFlow.Client.Relations;
using PlatformFlow.Tests.Support;
using Xunit;

namespace PlatformFlow.Tests.Cmdlets.Lifecycle
{
    /// <summary>
    /// What a piped flow or run stands for when the relation lies one read away (RelatedResources.IdsAsync), with the
    /// reads it costs; relations an object records itself are in <see cref="CmdletInputTests"/>.
    /// </summary>
    public sealed class RelatedResourcesTests : IDisposable
    {
        private readonly LifecycleWorld _world = new LifecycleWorld();

        public void Dispose() => _world.Dispose();

        private Task<IReadOnlyList<string>> IdsAsync(object input, ResourceKind kind) =>
            RelatedResources.IdsAsync(_world.Client, input, _ => null, kind, default);

        /// <summary>What <paramref name="act"/> gave, and the requests the emulator answered while it ran.</summary>
        private async Task<(T Result, IReadOnlyList<string> Requests)> RequestsDuringAsync<T>(Func<Task<T>> act)
        {
            var mark = _world.Engine.Journal.Total;
            var result = await act();
            return (result, _world.Engine.Journal.CallsSince(mark));
        }

        [Fact]
        public async Task A_flow_as_New_Dataflow_wrote_it_stands_for_its_latest_run_read_from_the_platform()
        {
            var written = await _world.NewFlowAsync("Written");

            var (ids, requests) = await RequestsDuringAsync(() => IdsAsync(written, ResourceKind.FlowRun));

            Assert.Equal(new[] { "GET /flows/" + written.Id }, requests);
            Assert.Equal(new[] { (await _world.TheOnlyRunOfAsync(written)).Id }, ids);
        }

        [Fact]
        public async Task A_flow_as_read_stands_for_the_run_it_records_without_another_read()
        {
            var read = await _world.Client.FlowService.Flows.GetAsync((await _world.NewFlowAsync("Read")).Id);

            var (ids, requests) = await RequestsDuringAsync(() => IdsAsync(read, ResourceKind.FlowRun));

            Assert.Empty(requests);
            Assert.Equal(new[] { (string)read.LastRunDetailsJson!["id"]! }, ids);
        }

        [Fact]
        public async Task A_flow_stands_for_the_base_connection_of_each_source_and_the_dataset_and_schema_of_each_target_once_each()
        {
            var first = await _world.NewFlowAsync("First");
            var second = await _world.NewFlowAsync("Second");
            var other = await _world.NewFlowAsync("Other", await _world.NewBaseConnectionAsync("Other shop"));
            var sameBase = new Dataflow { Id = "in-memory", SourceConnectionIds = new ValueList<string> { first.SourceConnectionIds[0], second.SourceConnectionIds[0] }, TargetConnectionIds = new ValueList<string> { first.TargetConnectionIds[0], second.TargetConnectionIds[0] } };
            var twoBases = new Dataflow { Id = "in-memory", SourceConnectionIds = new ValueList<string> { other.SourceConnectionIds[0], first.SourceConnectionIds[0] } };
            var target = await _world.Client.FlowService.TargetConnections.GetAsync(first.TargetConnectionIds[0]);

            var (bases, requests) = await RequestsDuringAsync(() => IdsAsync(sameBase, ResourceKind.BaseConnection));

            Assert.Equal(new[] { _world.Shop.Id }, bases);
            Assert.Equal(new[] { "GET /sourceConnections/" + first.SourceConnectionIds[0], "GET /sourceConnections/" + second.SourceConnectionIds[0] }, requests);
            var otherSource = await _world.Client.FlowService.SourceConnections.GetAsync(other.SourceConnectionIds[0]);
            Assert.Equal(new[] { otherSource.BaseConnectionId!, _world.Shop.Id }, await IdsAsync(twoBases, ResourceKind.BaseConnection));
            Assert.Equal(new[] { target.DatasetId! }, await IdsAsync(sameBase, ResourceKind.Dataset));
            Assert.Equal(new[] { target.SchemaId! }, await IdsAsync(sameBase, ResourceKind.XdmSchema));
            Assert.NotEqual(_world.Shop.Id, otherSource.BaseConnectionId);
        }

        [Fact]
        public async Task A_run_stands_for_what_its_flow_stands_for_read_through_the_flow()
        {
            var flow = await _world.NewFlowAsync("Ran");
            var run = await _world.TheOnlyRunOfAsync(flow);

            var (sources, requests) = await RequestsDuringAsync(() => IdsAsync(run, ResourceKind.SourceConnection));

            Assert.Equal(new[] { "GET /flows/" + flow.Id }, requests);
            Assert.Equal(flow.SourceConnectionIds, sources);
            Assert.Equal(new[] { _world.Shop.Id }, await IdsAsync(run, ResourceKind.BaseConnection));
        }

        [Fact]
        public async Task A_run_is_refused_for_a_connection_spec_without_reading_its_flow()
        {
            var flow = await _world.NewFlowAsync("Spec");
            var run = new FlowRun { Id = "run-1", FlowId = flow.Id };

            var (refused, requests) = await RequestsDuringAsync(() => Assert.ThrowsAsync<ArgumentException>(() => IdsAsync(run, ResourceKind.ConnectionSpec)));

            Assert.Empty(requests);
            Assert.Equal("A FlowRun has no related ConnectionSpec the platform records; pipe a ConnectionSpec or an object related to one, or give its id.", refused.Message);
        }

        [Fact]
        public async Task A_run_without_its_flow_id_stands_for_nothing_one_read_away()
        {
            var refused = await Assert.ThrowsAsync<ArgumentException>(() => RelatedResources.IdsAsync(null!, new FlowRun { Id = "run-1" }, _ => null, ResourceKind.Dataset, default));

            Assert.Equal("A FlowRun has no related Dataset the platform records; pipe a Dataset or an object related to one, or give its id.", refused.Message);
        }
    }
}
