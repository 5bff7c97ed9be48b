using System;
using System.Linq;
using System.Threading.Tasks;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Operations;
using PlatformFlow.Tests.Support;
using PlatformFlow.Emulator.Engine;
using Xunit;

namespace PlatformFlow.Tests.Cmdlets.Lifecycle
{
    /// <summary>Set-Dataflow, Set-SourceConnection, Set-TargetConnection, Enable-Dataflow, Disable-Dataflow.</summary>
    public sealed class ChangeTests : IDisposable
    {
        private readonly LifecycleWorld _world = new LifecycleWorld();

        public void Dispose() => _world.Dispose();

        private async Task<RecordingHost> SetFlowAsync(DataflowChange change, ChangeDecision decision = ChangeDecision.Proceed)
        {
            var host = new RecordingHost(decision);
            await new SetDataflowOperation(_world.Client).RunAsync(change, host);
            return host;
        }

        [Fact]
        public async Task Set_Dataflow_patches_name_and_schedule_and_writes_the_flow_read_again()
        {
            var flow = await _world.NewFlowAsync("Before");

            var host = await SetFlowAsync(new DataflowChange { Id = flow.Id, Etag = flow.Etag, Name = "After", Frequency = "Hour", Interval = 2 });

            var updated = LifecycleWorld.Only<Dataflow>(host);
            Assert.Equal("After", updated.Name);
            Assert.Equal("hour", updated.ScheduleParams!.Frequency);
            Assert.Equal(2, updated.ScheduleParams.Interval);
            Assert.Equal(flow.ScheduleParams!.StartTime, updated.ScheduleParams.StartTime);
            Assert.NotEqual(flow.Etag, updated.Etag);
            Assert.Equal(("Before", "Update dataflow (name, scheduleParams)"), host.Asked.Single());
            Assert.Single(_world.Requests("PATCH", "/flows/"));
        }

        [Fact]
        public async Task A_schedule_the_platform_would_reject_is_caught_before_any_write()
        {
            var flow = await _world.NewFlowAsync("Strict");
            var writes = _world.Writes;

            var host = await SetFlowAsync(new DataflowChange { Id = flow.Id, Frequency = "Minute", Interval = 5 });
            var nothing = await SetFlowAsync(new DataflowChange { Id = flow.Id });

            // The flow spec's scheduleSpec (seed crm-to-aep.json) sets 15 as a minute schedule's minimum.
            Assert.Contains("scheduleParams.interval: interval: 5 is less than the minimum of 15", Assert.Single(host.Errors).Message);
            Assert.Equal("PreflightRejected", host.Errors.Single().ErrorId);
            Assert.Equal(flow.Id + ": dataflow " + flow.Id + ": nothing to change; give at least one of -Name, -Description, -Frequency, -Interval, -StartTime, -Backfill", Assert.Single(nothing.Errors).Message);
            Assert.Equal(writes, _world.Writes);
        }

        [Fact]
        public async Task A_connection_change_with_nothing_to_change_names_what_can_change()
        {
            var flow = await _world.NewFlowAsync("Unchanged");
            var source = flow.SourceConnectionIds.Single();
            var writes = _world.Writes;

            var host = new RecordingHost();
            await new SetSourceConnectionOperation(_world.Client).RunAsync(new ResourceChange { Id = source }, host);

            var error = Assert.Single(host.Errors);
            Assert.Equal(("PreflightRejected", source + ": source connection " + source + ": nothing to change; give at least one of -Name, -Description"), (error.ErrorId, error.Message));
            Assert.Equal(writes, _world.Writes);
        }

        [Fact]
        public async Task A_new_interval_keeps_the_flows_frequency_start_and_backfill()
        {
            var flow = await _world.NewFlowAsync("Daily");
            var daily = LifecycleWorld.Only<Dataflow>(await SetFlowAsync(new DataflowChange { Id = flow.Id, Frequency = "Day", Interval = 2, Backfill = true }));

            var changed = LifecycleWorld.Only<Dataflow>(await SetFlowAsync(new DataflowChange { Id = flow.Id, Interval = 3 })).ScheduleParams!;

            Assert.Equal(("day", 3, true, daily.ScheduleParams!.StartTime), (changed.Frequency, changed.Interval, changed.Backfill, changed.StartTime));
        }

        [Fact]
        public async Task A_new_start_time_or_backfill_keeps_the_rest_of_the_schedule_as_it_was()
        {
            var flow = await _world.NewFlowAsync("Every other day");
            var daily = LifecycleWorld.Only<Dataflow>(await SetFlowAsync(new DataflowChange { Id = flow.Id, Frequency = "Day", Interval = 2, Backfill = true })).ScheduleParams!;
            _world.Clock.Advance(TimeSpan.FromHours(3));
            var start = new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);

            var noBackfill = LifecycleWorld.Only<Dataflow>(await SetFlowAsync(new DataflowChange { Id = flow.Id, Backfill = false })).ScheduleParams!;
            var moved = LifecycleWorld.Only<Dataflow>(await SetFlowAsync(new DataflowChange { Id = flow.Id, StartTime = start })).ScheduleParams!;

            Assert.Equal(("day", (int?)2, (bool?)false, daily.StartTime), (noBackfill.Frequency, noBackfill.Interval, noBackfill.Backfill, noBackfill.StartTime));
            Assert.Equal(("day", (int?)2, (bool?)false, start), (moved.Frequency, moved.Interval, moved.Backfill, moved.StartTime));
        }

        [Fact]
        public async Task A_new_frequency_drops_the_old_interval_and_backfill()
        {
            var flow = await _world.NewFlowAsync("Weekly");
            await SetFlowAsync(new DataflowChange { Id = flow.Id, Frequency = "Day", Interval = 2, Backfill = true });

            var once = LifecycleWorld.Only<Dataflow>(await SetFlowAsync(new DataflowChange { Id = flow.Id, Frequency = "Once" })).ScheduleParams!;
            var weekly = LifecycleWorld.Only<Dataflow>(await SetFlowAsync(new DataflowChange { Id = flow.Id, Frequency = "WEEK", Interval = 1 })).ScheduleParams!;

            Assert.Equal(("once", (int?)null, (bool?)null), (once.Frequency, once.Interval, once.Backfill));
            Assert.Equal(("week", (int?)1, (bool?)null), (weekly.Frequency, weekly.Interval, weekly.Backfill));
        }

        [Fact]
        public async Task A_new_start_time_is_sent_as_epoch_seconds_and_the_rest_is_kept()
        {
            var flow = await _world.NewFlowAsync("Moved");
            var start = new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);

            var moved = LifecycleWorld.Only<Dataflow>(await SetFlowAsync(new DataflowChange { Id = flow.Id, StartTime = start })).ScheduleParams!;

            Assert.Equal(("once", start), (moved.Frequency, moved.StartTime));
        }

        [Fact]
        public async Task New_Dataflow_under_WhatIf_asks_with_the_schedule_and_writes_the_planned_flow_only()
        {
            var flow = await _world.NewFlowAsync("Template");
            var writes = _world.Writes;
            var host = new RecordingHost(ChangeDecision.WhatIf);
            var start = new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);

            await new NewDataflowOperation(_world.Client).RunAsync(
                new DataflowInput
                {
                    FlowName = "Planned hourly",
                    FlowSpecId = flow.FlowSpec!.Id,
                    SourceConnectionIds = flow.SourceConnectionIds,
                    TargetConnectionIds = flow.TargetConnectionIds,
                    MappingSetId = (string?)flow.Transformations!.Single().Params!["mappingId"],
                    Frequency = "Hour",
                    Interval = 2,
                    StartTime = start,
                },
                host);

            Assert.Equal(("Planned hourly", "Create dataflow (hour every 2)"), host.Asked.Single());
            var planned = LifecycleWorld.Only<Dataflow>(host);
            Assert.StartsWith("planned-", planned.Id, StringComparison.Ordinal);
            Assert.Equal(("planned", "hour", (int?)2, start), (planned.State, planned.ScheduleParams!.Frequency, planned.ScheduleParams.Interval, planned.ScheduleParams.StartTime));
            Assert.Equal("0", (string?)planned.Transformations!.Single().Params!["mappingVersion"]);
            Assert.Equal(writes, _world.Writes);
        }

        [Fact]
        public async Task Declining_a_create_at_the_prompt_sends_and_emits_nothing()
        {
            await _world.NewFlowAsync("Existing");
            var writes = _world.Writes;
            var host = new RecordingHost(ChangeDecision.Declined);

            await new NewSourceConnectionOperation(_world.Client).RunAsync(new SourceConnectionInput { FlowName = "No", BaseConnectionId = _world.Shop.Id, TableName = "Shopify.Orders" }, host);

            Assert.Equal(("No source", "Create source connection (Shopify.Orders)"), host.Asked.Single());
            Assert.Empty(host.Objects);
            Assert.Empty(host.Errors);
            Assert.Equal(writes, _world.Writes);
        }

        [Fact]
        public async Task A_stale_etag_is_a_clear_error_and_Force_refetches_and_retries_once()
        {
            var flow = await _world.NewFlowAsync("Contested");
            var someoneElse = await SetFlowAsync(new DataflowChange { Id = flow.Id, Description = "changed elsewhere" });
            LifecycleWorld.Only<Dataflow>(someoneElse);

            var stale = await SetFlowAsync(new DataflowChange { Id = flow.Id, Etag = flow.Etag, Name = "Mine", Target = flow });

            var error = Assert.Single(stale.Errors);
            Assert.Equal("StaleEtag", error.ErrorId);
            Assert.Equal(OperationErrorCategory.InvalidOperation, error.Category);
            Assert.Equal("dataflow 'Contested' was changed by someone else since it was read (etag " + flow.Etag + " is no longer current); nothing was updated.", error.Message);
            Assert.Equal("Read it again and reapply the change, or use -Force to refetch it and retry once.", error.RecommendedAction);
            Assert.Same(flow, error.Target);
            Assert.Empty(stale.Objects);
            Assert.Equal("Contested", (await _world.Client.FlowService.Flows.GetAsync(flow.Id)).Name);

            _world.Engine.Journal.Clear();
            var forced = await SetFlowAsync(new DataflowChange { Id = flow.Id, Etag = flow.Etag, Name = "Mine", Force = true });

            var updated = LifecycleWorld.Only<Dataflow>(forced);
            Assert.Equal("Mine", updated.Name);
            Assert.Equal("changed elsewhere", updated.Description);
            Assert.Equal(new[] { 412, 200 }, _world.Requests("PATCH", "/flows/").Select(r => r.Status));
            Assert.Equal("dataflow " + flow.Id + " was changed since it was read; reading it again and retrying once (-Force).", Assert.Single(forced.Verbose));
        }

        [Fact]
        public async Task A_stale_etag_the_change_fetched_itself_is_the_one_the_error_quotes()
        {
            var flow = await _world.NewFlowAsync("Raced");
            _world.Engine.Faults.Enqueue(new ScriptedFault(412, method: "PATCH"));

            var stale = await SetFlowAsync(new DataflowChange { Id = flow.Id, Name = "Mine" });

            var error = Assert.Single(stale.Errors);
            Assert.Equal("dataflow 'Raced' was changed by someone else since it was read (etag " + flow.Etag + " is no longer current); nothing was updated.", error.Message);
            Assert.Equal(flow.Id, error.Target);
        }

        [Fact]
        public async Task When_the_one_Force_retry_loses_too_the_error_is_StaleEtag_not_a_raw_412()
        {
            var flow = await _world.NewFlowAsync("Contested twice");
            _world.Engine.Journal.Clear();

            // Someone else wins both races: the first PATCH and the one retry after the refetch.
            _world.Engine.Faults.Enqueue(new ScriptedFault(412, method: "PATCH"));
            _world.Engine.Faults.Enqueue(new ScriptedFault(412, method: "PATCH"));
            var forced = await SetFlowAsync(new DataflowChange { Id = flow.Id, Name = "Mine", Force = true, Target = flow });

            var error = Assert.Single(forced.Errors);
            Assert.Equal("StaleEtag", error.ErrorId);
            Assert.Equal(OperationErrorCategory.InvalidOperation, error.Category);
            Assert.Equal("dataflow 'Contested twice' was changed by someone else again while -Force retried (etag " + flow.Etag + " was no longer current either); nothing was updated.", error.Message);
            Assert.Equal("Someone else keeps changing it: run the change again once they are done.", error.RecommendedAction);
            Assert.Same(flow, error.Target);
            Assert.Empty(forced.Objects);
            Assert.Equal(new[] { 412, 412 }, _world.Requests("PATCH", "/flows/").Select(r => r.Status));
            Assert.Equal("Contested twice", (await _world.Client.FlowService.Flows.GetAsync(flow.Id)).Name);
        }

        [Fact]
        public async Task Connections_take_a_new_name_and_description_with_the_etag_fetched()
        {
            var flow = await _world.NewFlowAsync("Renamed");

            var source = new RecordingHost();
            await new SetSourceConnectionOperation(_world.Client).RunAsync(new ResourceChange { Id = flow.SourceConnectionIds.Single(), Name = "Orders in", Description = "from the shop" }, source);
            var target = new RecordingHost();
            await new SetTargetConnectionOperation(_world.Client).RunAsync(new ResourceChange { Id = flow.TargetConnectionIds.Single(), Name = "Orders out" }, target);

            Assert.Equal(("Orders in", "from the shop"), (LifecycleWorld.Only<SourceConnection>(source).Name, LifecycleWorld.Only<SourceConnection>(source).Description));
            Assert.Equal("Orders out", LifecycleWorld.Only<TargetConnection>(target).Name);
        }

        [Fact]
        public async Task WhatIf_describes_the_change_and_sends_nothing()
        {
            var flow = await _world.NewFlowAsync("Planned change");
            var writes = _world.Writes;

            var host = await SetFlowAsync(new DataflowChange { Id = flow.Id, Name = "Never" }, ChangeDecision.WhatIf);

            Assert.Empty(host.Objects);
            Assert.Single(host.Asked);
            Assert.Equal(writes, _world.Writes);
        }

        [Fact]
        public async Task Disable_then_enable_uses_the_action_endpoint_and_leaves_a_flow_already_there_alone()
        {
            var flow = await _world.NewFlowAsync("Paused");
            _world.Engine.Journal.Clear();

            var disabled = new RecordingHost();
            await new DisableDataflowOperation(_world.Client).RunAsync(flow.Id, flow.Id, disabled);
            var again = new RecordingHost();
            await new DisableDataflowOperation(_world.Client).RunAsync(flow.Id, flow.Id, again);
            var enabled = new RecordingHost();
            await new EnableDataflowOperation(_world.Client).RunAsync(flow.Id, flow.Id, enabled);

            Assert.Equal("disabled", LifecycleWorld.Only<Dataflow>(disabled).State);
            Assert.Equal("disabled", LifecycleWorld.Only<Dataflow>(again).State);
            Assert.Equal("Dataflow 'Paused' is already disabled.", Assert.Single(again.Verbose));
            Assert.Equal("enabled", LifecycleWorld.Only<Dataflow>(enabled).State);
            Assert.Equal(2, _world.Requests("POST", "/flows/" + flow.Id + "/action").Count);
        }

        [Fact]
        public async Task Declining_to_disable_sends_and_writes_nothing()
        {
            var flow = await _world.NewFlowAsync("Kept running");
            _world.Engine.Journal.Clear();

            var declined = new RecordingHost(ChangeDecision.Declined);
            await new DisableDataflowOperation(_world.Client).RunAsync(flow.Id, flow, declined);

            Assert.Equal(("Kept running", "Disable dataflow"), Assert.Single(declined.Asked));
            Assert.Empty(declined.Objects);
            Assert.Empty(declined.Errors);
            Assert.Empty(_world.Requests("POST", "/flows/" + flow.Id + "/action"));
        }
    }
}
