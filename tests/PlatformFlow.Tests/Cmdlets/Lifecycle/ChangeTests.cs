using System;
using System.Linq;
using System.Threading.Tasks;
using PlatformFlow.Client.Inputs;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Operations;
using PlatformFlow.Client.Parts;
using PlatformFlow.Emulator.Engine;
using PlatformFlow.Tests.Support;
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
            change.PassThru = true;
            await new SetDataflowOperation(_world.Client).RunAsync(change, host);
            return host;
        }

        /// <summary>New-Dataflow's input for a flow named <paramref name="name"/> over <paramref name="template"/>'s spec, connections and mapping set.</summary>
        private static DataflowInput Over(Dataflow template, string name) => new DataflowInput
        {
            FlowName = name,
            FlowSpecId = template.FlowSpec!.Id,
            SourceConnectionIds = template.SourceConnectionIds,
            TargetConnectionIds = template.TargetConnectionIds,
            MappingSetId = template.MappingSetId,
        };

        /// <summary>Makes version 1 of <paramref name="flow"/>'s mapping set (an update with the same mappings); the set's id.</summary>
        private async Task<string> NewMappingSetVersionAsync(Dataflow flow)
        {
            var mappingId = flow.MappingSetId!;
            var mapping = await _world.Client.DataPrep.GetMappingSetAsync(mappingId);
            await _world.Client.DataPrep.UpdateMappingSetAsync(mappingId, new MappingSetRequest { OutputSchema = mapping.OutputSchema!, Mappings = mapping.Mappings!.ToList() });
            return mappingId;
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
        public async Task A_change_without_PassThru_writes_nothing_and_the_held_flow_takes_it_on_so_the_next_change_is_not_stale()
        {
            var flow = await _world.NewFlowAsync("Held");
            var held = await _world.Client.FlowService.Flows.GetAsync(flow.Id);
            var host = new RecordingHost();

            await new DataflowStateOperation(_world.Client, enable: false).RunAsync(held.Id, held.Id, held, false, host);
            Assert.Equal("disabled", held.State);
            await new SetDataflowOperation(_world.Client).RunAsync(new DataflowChange { Id = held.Id, Etag = held.Etag, Held = held, Frequency = "Hour", Interval = 2 }, host);

            Assert.Empty(host.Objects);
            Assert.Empty(host.Errors);
            Assert.Equal(2, held.ScheduleParams!.Interval);
            Assert.Equal((await _world.Client.FlowService.Flows.GetAsync(flow.Id)).Etag, held.Etag);
        }

        [Fact]
        public async Task A_change_by_someone_else_still_leaves_the_held_flow_stale()
        {
            var flow = await _world.NewFlowAsync("Held elsewhere");
            var held = await _world.Client.FlowService.Flows.GetAsync(flow.Id);
            await SetFlowAsync(new DataflowChange { Id = flow.Id, Description = "changed elsewhere" });

            var host = await SetFlowAsync(new DataflowChange { Id = held.Id, Etag = held.Etag, Held = held, Frequency = "Hour", Interval = 2 });

            Assert.Equal("StaleEtag", Assert.Single(host.Errors).ErrorId);
            Assert.NotEqual("changed elsewhere", held.Description);
        }

        [Fact]
        public async Task A_schedule_the_platform_would_reject_is_caught_before_any_write()
        {
            var flow = await _world.NewFlowAsync("Strict");
            var writes = _world.Writes;

            var host = await SetFlowAsync(new DataflowChange { Id = flow.Id, Frequency = "Minute", Interval = 5 });
            var nothing = await SetFlowAsync(new DataflowChange { Id = flow.Id });

            // The flow spec's scheduleSpec (seed crm-to-aep.json) sets 15 as a minute schedule's minimum.
            Assert.Equal(flow.Id + ": dataflow 'Strict': scheduleParams.interval: interval: 5 is less than the minimum of 15", Assert.Single(host.Errors).Message);
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

            var target = flow.TargetConnectionIds.Single();
            var host = new RecordingHost();
            await new SetSourceConnectionOperation(_world.Client).RunAsync(new ResourceChange { Id = source }, host);
            await new SetTargetConnectionOperation(_world.Client).RunAsync(new ResourceChange { Id = target }, host);

            Assert.Equal(
                new[]
                {
                    ("PreflightRejected", source + ": source connection " + source + ": nothing to change; give at least one of -Name, -Description"),
                    ("PreflightRejected", target + ": target connection " + target + ": nothing to change; give at least one of -Name, -Description"),
                },
                host.Errors.Select(e => (e.ErrorId, e.Message)));
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

            var input = Over(flow, "Planned hourly");
            (input.Frequency, input.Interval, input.StartTime) = ("Hour", 2, start);
            await new NewDataflowOperation(_world.Client).RunAsync(input, host);

            Assert.Equal(("Planned hourly", "Create dataflow (hour every 2)"), host.Asked.Single());
            var planned = LifecycleWorld.Only<Dataflow>(host);
            Assert.StartsWith("planned-", planned.Id, StringComparison.Ordinal);
            Assert.Equal(("planned", "hour", (int?)2, start), (planned.State, planned.ScheduleParams!.Frequency, planned.ScheduleParams.Interval, planned.ScheduleParams.StartTime));
            Assert.Equal("0", planned.MappingSetVersion);
            Assert.Equal(writes, _world.Writes);
        }

        [Fact]
        public async Task New_Dataflow_takes_the_latest_mapping_version_or_one_the_set_has_and_refuses_any_other()
        {
            var template = await _world.NewFlowAsync("Versions");
            var mappingId = await NewMappingSetVersionAsync(template);
            var writes = _world.Writes;

            async Task<RecordingHost> NewFlowAsync(string name, int? version)
            {
                var host = new RecordingHost();
                var input = Over(template, name);
                input.MappingSetVersion = version;
                await new NewDataflowOperation(_world.Client).RunAsync(input, host);
                return host;
            }

            var tooNew = await NewFlowAsync("Too new", 2);
            var negative = await NewFlowAsync("Negative", -1);
            Assert.Equal("Too new: dataflow 'Too new': MappingSetVersion: mapping set " + mappingId + " has versions 0 to 1, not 2", Assert.Single(tooNew.Errors).Message);
            Assert.Equal("Negative: dataflow 'Negative': MappingSetVersion: mapping set " + mappingId + " has versions 0 to 1, not -1", Assert.Single(negative.Errors).Message);
            Assert.Equal(writes, _world.Writes);

            var latest = LifecycleWorld.Only<Dataflow>(await NewFlowAsync("Latest", null));
            var first = LifecycleWorld.Only<Dataflow>(await NewFlowAsync("First", 0));
            Assert.Equal("1", latest.MappingSetVersion);
            Assert.Equal("0", first.MappingSetVersion);
        }

        [Fact]
        public async Task A_refused_flow_names_the_parts_made_for_it_and_offers_RollbackOnError()
        {
            var template = await _world.NewFlowAsync("Parts");
            var source = template.SourceConnectionIds.Single();
            var host = new RecordingHost();

            var input = Over(template, "Too often");
            (input.Frequency, input.Interval, input.Carried) = ("Minute", 5, new PipelineIds().WithCreated(nameof(SourceConnection), source));
            await new NewDataflowOperation(_world.Client).RunAsync(input, host);

            Assert.Equal(("PreflightRejected", "Too often: dataflow 'Too often': scheduleParams.interval: interval: 5 is less than the minimum of 15"), (host.Errors.Single().ErrorId, host.Errors.Single().Message));
            Assert.Equal(
                "Flow 'Too often' was not created; the parts made for it remain: source connection " + source + ". Remove them with: Remove-SourceConnection -Id " + source + " -Force (or run the pipeline with New-Dataflow -RollbackOnError).",
                Assert.Single(host.Warnings));
        }

        [Fact]
        public async Task New_Dataflow_with_UpdateExisting_changes_the_schedule_of_a_flow_of_that_name_and_keeps_its_state()
        {
            var flow = await _world.NewFlowAsync("Updated");
            await new DataflowStateOperation(enable: false, client: _world.Client).RunAsync(flow.Id, null, null, true, new RecordingHost());
            var host = new RecordingHost();

            var input = Over(flow, "Updated");
            (input.Frequency, input.Interval, input.UpdateExisting) = ("Hour", 2, true);
            await new NewDataflowOperation(_world.Client).RunAsync(input, host);

            var updated = LifecycleWorld.Only<Dataflow>(host);
            Assert.Equal((flow.Id, "disabled", "hour", (int?)2), (updated.Id, updated.State, updated.ScheduleParams!.Frequency, updated.ScheduleParams.Interval));
            var stored = (await _world.Client.FlowService.Flows.GetAsync(flow.Id)).ScheduleParams!;
            Assert.Equal(("hour", (int?)2), (stored.Frequency, stored.Interval));
            Assert.Equal("Updated", host.OnlyObject()[PipelineIds.DataflowOutcome]);
        }

        [Fact]
        public async Task A_flow_of_the_same_name_that_differs_is_refused_naming_every_difference()
        {
            var flow = await _world.NewFlowAsync("Taken");
            var other = await _world.NewFlowAsync("Other");
            var mappingId = await NewMappingSetVersionAsync(other);
            var writes = _world.Writes;
            var host = new RecordingHost();

            var input = Over(other, "Taken");
            (input.Frequency, input.Interval, input.StartTime) = ("Hour", 2, flow.ScheduleParams!.StartTime.AddDays(1));
            await new NewDataflowOperation(_world.Client).RunAsync(input, host);

            var error = Assert.Single(host.Errors);
            Assert.Equal("PartConflict", error.ErrorId);
            var start = flow.ScheduleParams.StartTime.ToUnixTimeSeconds();
            Assert.Equal(
                "Taken: a dataflow named 'Taken' already exists (" + flow.Id + ") and differs from the one asked for: "
                + "sourceConnectionIds is '" + flow.SourceConnectionIds.Single() + "', not '" + other.SourceConnectionIds.Single() + "'; "
                + "targetConnectionIds is '" + flow.TargetConnectionIds.Single() + "', not '" + other.TargetConnectionIds.Single() + "'; "
                + "transformations is 'Mapping:" + mappingId + "@0', not 'Mapping:" + mappingId + "@1'; "
                + "scheduleParams.frequency is 'once', not 'hour'; scheduleParams.interval is '', not '2'; "
                + "scheduleParams.startTime is '" + start + "', not '" + (start + 86400) + "'. Nothing was created. "
                + "Give the flow another name, remove it first, or use -UpdateExisting to change its schedule and mapping.",
                error.Message);
            Assert.Equal(writes, _world.Writes);
        }

        [Fact]
        public async Task A_flow_of_the_same_name_on_another_flow_spec_is_refused_even_with_UpdateExisting()
        {
            // The emulator has one flow spec per source, so the flow found by name is answered as if made on another.
            var flow = await _world.NewFlowAsync("Other spec");
            using var client = TestPlatform.NewClient(_world.Engine, clock: _world.Clock, wrap: emulator => new AnswerRewriter(emulator, "/flows", AnswerRewriter.Replacing(flow.FlowSpec!.Id, "another-flow-spec")));
            var writes = _world.Writes;
            var host = new RecordingHost();

            var input = Over(flow, "Other spec");
            input.UpdateExisting = true;
            await new NewDataflowOperation(client).RunAsync(input, host);

            var error = Assert.Single(host.Errors);
            Assert.Equal("PartConflict", error.ErrorId);
            Assert.StartsWith(
                "Other spec: a dataflow named 'Other spec' already exists (" + flow.Id + ") and differs from the one asked for: "
                + "flowSpec is 'another-flow-spec', not '" + flow.FlowSpec!.Id + "'.",
                error.Message);
            Assert.Equal(writes, _world.Writes);
        }

        [Fact]
        public async Task Under_WhatIf_a_flow_over_a_planned_source_is_checked_with_the_spec_the_pipeline_carried()
        {
            var template = await _world.NewFlowAsync("Real parts");
            var plannedSource = Planned.NewId("sourceConnection");
            var host = new RecordingHost(ChangeDecision.WhatIf);

            var input = Over(template, "Planned pipeline");
            (input.SourceConnectionIds, input.MappingSetId, input.Carried) = (new[] { plannedSource }, Planned.NewId("mappingSet"), new PipelineIds().With(PipelineIds.ConnectionSpecId, WellKnown.ShopifyConnectionSpecId));
            await new NewDataflowOperation(_world.Client).RunAsync(input, host);

            Assert.Empty(host.Errors.Select(e => e.Message));
            Assert.Equal(("Planned pipeline", "Create dataflow (once)"), Assert.Single(host.Asked));
            var planned = LifecycleWorld.Only<Dataflow>(host);
            Assert.Matches("^planned-flow-[0-9]+$", planned.Id);
            Assert.Equal(plannedSource, planned.SourceConnectionIds.Single());
        }

        [Fact]
        public async Task Under_WhatIf_a_planned_source_of_a_spec_the_flow_spec_does_not_take_is_refused()
        {
            var template = await _world.NewFlowAsync("Real parts");
            var plannedSource = Planned.NewId("sourceConnection");
            var input = Over(template, "Wrong source");
            (input.SourceConnectionIds, input.Carried) = (new[] { plannedSource }, new PipelineIds().With(PipelineIds.ConnectionSpecId, WellKnown.DataLakeConnectionSpecId));
            var host = new RecordingHost(ChangeDecision.WhatIf);

            await new NewDataflowOperation(_world.Client).RunAsync(input, host);

            var error = Assert.Single(host.Errors);
            Assert.Equal("PreflightRejected", error.ErrorId);
            Assert.Contains("sourceConnectionIds: connection '" + plannedSource + "' uses connection spec " + WellKnown.DataLakeConnectionSpecId + ", which flow spec ", error.Message);
            Assert.Empty(host.Objects);
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
            await new SetSourceConnectionOperation(_world.Client).RunAsync(new ResourceChange { Id = flow.SourceConnectionIds.Single(), Name = "Orders in", Description = "from the shop", PassThru = true }, source);
            var target = new RecordingHost();
            await new SetTargetConnectionOperation(_world.Client).RunAsync(new ResourceChange { Id = flow.TargetConnectionIds.Single(), Name = "Orders out", PassThru = true }, target);

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
            await new DataflowStateOperation(enable: false, client: _world.Client).RunAsync(flow.Id, flow.Id, null, true, disabled);
            var again = new RecordingHost();
            await new DataflowStateOperation(enable: false, client: _world.Client).RunAsync(flow.Id, flow.Id, null, true, again);
            var enabled = new RecordingHost();
            await new DataflowStateOperation(enable: true, client: _world.Client).RunAsync(flow.Id, flow.Id, null, true, enabled);

            Assert.Equal("disabled", LifecycleWorld.Only<Dataflow>(disabled).State);
            Assert.Equal("disabled", LifecycleWorld.Only<Dataflow>(again).State);
            Assert.Equal("Dataflow 'Paused' is already disabled.", Assert.Single(again.Verbose));
            Assert.Equal("enabled", LifecycleWorld.Only<Dataflow>(enabled).State);
            var enabledAgain = new RecordingHost();
            await new DataflowStateOperation(enable: true, client: _world.Client).RunAsync(flow.Id, flow.Id, null, true, enabledAgain);
            Assert.Equal("Dataflow 'Paused' is already enabled.", Assert.Single(enabledAgain.Verbose));
            Assert.Equal(2, _world.Requests("POST", "/flows/" + flow.Id + "/action").Count);
        }

        [Fact]
        public async Task Declining_to_disable_sends_and_writes_nothing()
        {
            var flow = await _world.NewFlowAsync("Kept running");
            _world.Engine.Journal.Clear();

            var declined = new RecordingHost(ChangeDecision.Declined);
            await new DataflowStateOperation(enable: false, client: _world.Client).RunAsync(flow.Id, flow, null, true, declined);

            Assert.Equal(("Kept running", "Disable dataflow"), Assert.Single(declined.Asked));
            Assert.Empty(declined.Objects);
            Assert.Empty(declined.Errors);
            Assert.Empty(_world.Requests("POST", "/flows/" + flow.Id + "/action"));
        }
    }
}
