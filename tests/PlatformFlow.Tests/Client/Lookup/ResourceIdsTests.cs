using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PlatformFlow.Client.Errors;
using PlatformFlow.Client.Lookup;
using PlatformFlow.Client.Operations;
using PlatformFlow.Client.Relations;
using PlatformFlow.Tests.Cmdlets.Lifecycle;
using Xunit;

namespace PlatformFlow.Tests.Client.Lookup
{
    /// <summary>Names where ids go: the one resolution every -Id, positional and piped string goes through.</summary>
    public sealed class ResourceIdsTests : IDisposable
    {
        private readonly LifecycleWorld _world = new LifecycleWorld();

        public void Dispose() => _world.Dispose();

        [Fact]
        public async Task Text_shaped_as_an_id_is_the_id_and_asks_nothing()
        {
            _world.Engine.Journal.Clear();
            var id = Guid.NewGuid().ToString();

            Assert.Equal(id, await ResourceIds.ResolveAsync(_world.Client, ResourceKind.Dataflow, id, CancellationToken.None));
            Assert.Equal("0123456789abcdef01234567", await ResourceIds.ResolveAsync(_world.Client, ResourceKind.Dataset, "0123456789abcdef01234567", CancellationToken.None));
            Assert.Equal("not a run id", await ResourceIds.ResolveAsync(_world.Client, ResourceKind.FlowRun, "not a run id", CancellationToken.None));
            Assert.Empty(_world.Engine.Journal.Recent);
        }

        [Fact]
        public async Task An_exact_name_of_one_object_is_its_id_in_any_case()
        {
            var flow = await _world.NewFlowAsync("Named once");

            Assert.Equal(flow.Id, await ResourceIds.ResolveAsync(_world.Client, ResourceKind.Dataflow, "named ONCE", CancellationToken.None));
            Assert.Equal(flow.SourceConnectionIds[0], await ResourceIds.ResolveAsync(_world.Client, ResourceKind.SourceConnection, (await _world.Client.FlowService.SourceConnections.GetAsync(flow.SourceConnectionIds[0])).Name!, CancellationToken.None));
        }

        [Fact]
        public async Task A_name_of_nothing_is_not_found_with_the_closest_names()
        {
            await _world.NewFlowAsync("Orders hourly");

            var missing = await Assert.ThrowsAsync<ResourceNotFoundException>(() => ResourceIds.ResolveAsync(_world.Client, ResourceKind.Dataflow, "Orders hourlx", CancellationToken.None));

            Assert.Equal("Dataflow", missing.Kind);
            Assert.Equal(new[] { "Orders hourly" }, missing.Suggestions);
            Assert.Equal("No dataflow is named 'Orders hourlx'. Did you mean 'Orders hourly'?", missing.Message);
        }

        [Fact]
        public async Task A_name_several_objects_share_names_each_id()
        {
            var first = await _world.NewFlowAsync("Twin");
            var second = await _world.CopyFlowAsync(first, "Twin");

            var ambiguous = await Assert.ThrowsAsync<AmbiguousNameException>(() => ResourceIds.ResolveAsync(_world.Client, ResourceKind.Dataflow, "Twin", CancellationToken.None));

            Assert.Equal(new[] { first.Id, second.Id }.OrderBy(id => id), ambiguous.Ids.OrderBy(id => id));
            Assert.Contains(first.Id, ambiguous.Message);
            Assert.Contains(second.Id, ambiguous.Message);
            Assert.Equal("DataflowNameAmbiguous", OperationError.From(ambiguous, "Twin", "RemoveDataflow").ErrorId);
        }
    }
}
