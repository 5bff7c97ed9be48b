using System;
using System.Linq;
using System.Threading.Tasks;
using PlatformFlow.Client.Inputs;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Operations;
using PlatformFlow.Tests.Support;
using Xunit;

namespace PlatformFlow.Tests.Cmdlets.Lifecycle
{
    /// <summary>Remove-*: the platform's delete rules, -IncludeConnections' order and what it spares, -WhatIf.</summary>
    public sealed class RemovalTests : IDisposable
    {
        private readonly LifecycleWorld _world = new LifecycleWorld();

        public void Dispose() => _world.Dispose();

        private static async Task<RecordingHost> RemoveAsync<TInput>(RemovalOperation<TInput> operation, TInput input, ChangeDecision decision = ChangeDecision.Proceed)
        {
            var host = new RecordingHost(decision);
            await operation.RemoveAsync(input, passThru: true, input, host);
            return host;
        }

        private string[] Deletes() => _world.Engine.Journal.Recent.Where(e => e.Method == "DELETE").Select(e => e.Path.Replace("/data/foundation/flowservice", string.Empty)).ToArray();

        [Fact]
        public async Task IncludeConnections_removes_the_flow_then_its_own_connections_then_unused_base_connections_and_spares_shared_ones()
        {
            var first = await _world.NewFlowAsync("First");
            var second = await _world.NewFlowAsync("Second");

            // A third flow shares the first flow's target connection.
            var third = await _world.CopyFlowAsync(first, "Third", sourceConnectionIds: second.SourceConnectionIds);
            _world.Engine.Journal.Clear();

            var removeFirst = await RemoveAsync(new RemoveDataflowOperation(_world.Client), new DataflowRemoval { Id = first.Id, IncludeConnections = true });

            Assert.Empty(removeFirst.Errors.Select(e => e.Message));
            Assert.Equal(new[] { "/flows/" + first.Id, "/sourceConnections/" + first.SourceConnectionIds.Single() }, Deletes());
            Assert.Equal(new[] { "Dataflow", "SourceConnection" }, removeFirst.Objects.Select(o => ((RemovedResource)o.Value).Kind));
            Assert.Equal(
                new[]
                {
                    "Keeping target connection " + first.TargetConnectionIds.Single() + " of flow 'First': another flow uses it too.",
                    "Keeping base connection " + _world.Shop.Id + ": other source connections still use it.",
                },
                removeFirst.Verbose);

            _world.Engine.Journal.Clear();
            var removeSecond = await RemoveAsync(new RemoveDataflowOperation(_world.Client), new DataflowRemoval { Id = second.Id, IncludeConnections = true });

            // Second's source is still used by Third; its target is its own; the base connection is still used.
            Assert.Equal(new[] { "/flows/" + second.Id, "/targetConnections/" + second.TargetConnectionIds.Single() }, Deletes());
            Assert.Equal("Keeping source connection " + second.SourceConnectionIds.Single() + " of flow 'Second': another flow uses it too.", Assert.Single(removeSecond.Verbose));

            var sourceName = (await _world.Client.FlowService.SourceConnections.GetAsync(second.SourceConnectionIds.Single())).Name;
            var targetName = (await _world.Client.FlowService.TargetConnections.GetAsync(first.TargetConnectionIds.Single())).Name;
            _world.Engine.Journal.Clear();
            var removeThird = await RemoveAsync(new RemoveDataflowOperation(_world.Client), new DataflowRemoval { Id = third.Id, IncludeConnections = true });

            Assert.Empty(removeThird.Errors.Select(e => e.Message));
            Assert.Equal(
                new[]
                {
                    "/flows/" + third.Id,
                    "/sourceConnections/" + second.SourceConnectionIds.Single(),
                    "/targetConnections/" + first.TargetConnectionIds.Single(),
                    "/connections/" + _world.Shop.Id,
                },
                Deletes());
            var asked = Assert.Single(removeThird.Asked);
            Assert.Equal("Remove", asked.Action);
            Assert.Equal(
                "Dataflow 'Third', then SourceConnection '" + sourceName + "', then TargetConnection '" + targetName + "', then BaseConnection '" + _world.Shop.Name + "'",
                asked.Target);
        }

        [Fact]
        public async Task Each_of_several_connections_another_flow_uses_is_kept()
        {
            var first = await _world.NewFlowAsync("Orders");
            var second = await _world.NewFlowAsync("Refunds");
            var both = await _world.CopyFlowAsync(first, "Both", sourceConnectionIds: new[] { first.SourceConnectionIds.Single(), second.SourceConnectionIds.Single() });
            _world.Engine.Journal.Clear();

            var host = await RemoveAsync(new RemoveDataflowOperation(_world.Client), new DataflowRemoval { Id = both.Id, IncludeConnections = true });

            Assert.Empty(host.Errors.Select(e => e.Message));
            Assert.Equal(new[] { "/flows/" + both.Id }, Deletes());
            Assert.Equal(
                new[]
                {
                    "Keeping source connection " + first.SourceConnectionIds.Single() + " of flow 'Both': another flow uses it too.",
                    "Keeping source connection " + second.SourceConnectionIds.Single() + " of flow 'Both': another flow uses it too.",
                    "Keeping target connection " + first.TargetConnectionIds.Single() + " of flow 'Both': another flow uses it too.",
                },
                host.Verbose);
        }

        [Fact]
        public async Task A_base_connection_another_flows_source_uses_is_kept()
        {
            var flow = await _world.NewFlowAsync("Leaving");
            var other = await _world.NewFlowAsync("Staying");
            _world.Engine.Journal.Clear();

            await RemoveAsync(new RemoveDataflowOperation(_world.Client), new DataflowRemoval { Id = flow.Id, IncludeConnections = true });

            Assert.DoesNotContain(Deletes(), d => d.StartsWith("/connections/", StringComparison.Ordinal));
            Assert.Equal(_world.Shop.Id, (await _world.Client.FlowService.BaseConnections.GetAsync(_world.Shop.Id)).Id);
            Assert.Equal(other.Id, (await _world.Client.FlowService.Flows.GetAsync(other.Id)).Id);
        }

        [Fact]
        public async Task WhatIf_describes_every_step_in_one_question_and_sends_no_write()
        {
            var flow = await _world.NewFlowAsync("Kept");
            var writes = _world.Writes;

            var host = await RemoveAsync(new RemoveDataflowOperation(_world.Client), new DataflowRemoval { Id = flow.Id, IncludeConnections = true }, ChangeDecision.WhatIf);

            Assert.Equal(writes, _world.Writes);
            Assert.Equal(4, Assert.Single(host.Asked).Target.Split(new[] { ", then " }, StringSplitOptions.None).Length);
            Assert.Empty(host.Objects);
            Assert.Equal(flow.Id, (await _world.Client.FlowService.Flows.GetAsync(flow.Id)).Id);
        }

        [Fact]
        public async Task Declining_sends_no_delete()
        {
            var flow = await _world.NewFlowAsync("Declined");
            var writes = _world.Writes;

            var host = await RemoveAsync(new RemoveDataflowOperation(_world.Client), new DataflowRemoval { Id = flow.Id, IncludeConnections = true }, ChangeDecision.Declined);

            Assert.Single(host.Asked);
            Assert.Equal(writes, _world.Writes);
        }

        [Fact]
        public async Task Removing_a_base_connection_in_use_fails_with_the_platforms_error_naming_the_flow()
        {
            var flow = await _world.NewFlowAsync("Busy");

            var host = await RemoveAsync(new RemoveBaseConnectionOperation(_world.Client), _world.Shop.Id);

            var error = Assert.Single(host.Errors);
            Assert.Equal("FLOW-1418-400", error.ErrorId);
            Assert.Contains(flow.Id, error.Message);
            Assert.Equal(_world.Shop.Id, error.Target);
            Assert.Empty(host.Objects);
        }

        [Fact]
        public async Task Connections_datasets_and_schemas_are_removed_once_nothing_uses_them()
        {
            var flow = await _world.NewFlowAsync("Dismantled");
            var target = await _world.Client.FlowService.TargetConnections.GetAsync(flow.TargetConnectionIds.Single());
            var dataset = await _world.Client.Catalog.GetDatasetAsync(target.Params!.DataSetId!);

            var inUse = await RemoveAsync(new RemoveSourceConnectionOperation(_world.Client), flow.SourceConnectionIds.Single());
            Assert.Equal("FLOW-1447-400", Assert.Single(inUse.Errors).ErrorId);

            Assert.Empty((await RemoveAsync(new RemoveDataflowOperation(_world.Client), new DataflowRemoval { Id = flow.Id })).Errors);
            Assert.Empty((await RemoveAsync(new RemoveSourceConnectionOperation(_world.Client), flow.SourceConnectionIds.Single())).Errors);
            Assert.Empty((await RemoveAsync(new RemoveTargetConnectionOperation(_world.Client), flow.TargetConnectionIds.Single())).Errors);
            Assert.Empty((await RemoveAsync(new RemoveBaseConnectionOperation(_world.Client), _world.Shop.Id)).Errors);
            var datasetRemoval = await RemoveAsync(new RemoveDatasetOperation(_world.Client), dataset.Id);
            Assert.Empty(datasetRemoval.Errors);
            Assert.Equal(("Dataset '" + dataset.Name + "'", "Remove"), Assert.Single(datasetRemoval.Asked));
            var schema = await RemoveAsync(new RemoveXdmSchemaOperation(_world.Client), dataset.SchemaRef!.Id);
            schema.AssertNoErrors();
            Assert.Equal("XdmSchema", schema.Single<RemovedResource>().Kind);

            var gone = new RecordingHost();
            await new GetDatasetOperation(_world.Client).RunAsync(new ResourceQuery { Id = dataset.Id }, gone);
            Assert.Equal(OperationErrorCategory.ObjectNotFound, Assert.Single(gone.Errors).Category);
        }

        [Fact]
        public void The_confirmation_target_lists_the_deletes_in_order()
        {
            var steps = new[]
            {
                new RemovalStep("Dataflow", "f", "Orders", _ => Task.CompletedTask),
                new RemovalStep("SourceConnection", "s", null, _ => Task.CompletedTask),
            };

            Assert.Equal("Dataflow 'Orders', then SourceConnection 's'", RemovalOperation<string>.Describe(steps));
        }
    }
}
