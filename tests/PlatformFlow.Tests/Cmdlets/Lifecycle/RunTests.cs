using System;
using System.Linq;
using System.Threading.Tasks;
using PlatformFlow.Client.Inputs;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Operations;
using PlatformFlow.Emulator.SourceData;
using PlatformFlow.Tests.Emulator.FlowService;
using PlatformFlow.Tests.Support;
using Xunit;
using RunStatus = PlatformFlow.Client.Models.RunStatus;

namespace PlatformFlow.Tests.Cmdlets.Lifecycle
{
    /// <summary>
    /// Get-FlowRun, Start-FlowRun, Restart-FlowRun and Wait-FlowRun. The emulator and the waits share one manual clock:
    /// each poll's wait moves time at once (AutoAdvance), so runs progress with no real sleep.
    /// </summary>
    public sealed class RunTests : IDisposable
    {
        private readonly LifecycleWorld _world = new LifecycleWorld();

        public void Dispose() => _world.Dispose();

        private async Task<RecordingHost> WaitAsync(string runId, TimeSpan timeout, TimeSpan? pollInterval = null, object? target = null)
        {
            _world.Clock.AutoAdvance = true;
            var host = new RecordingHost();
            await new WaitFlowRunOperation(_world.Client, _world.Clock).RunAsync(new FlowRunWait { RunId = runId, Timeout = timeout, PollInterval = pollInterval ?? TimeSpan.FromSeconds(15), Target = target }, host);
            return host;
        }

        /// <summary>
        /// A new flow (Shopify.Orders, Email to personalEmail.address: the malformed emails fail), read once: the emulator makes a flow's due scheduled run when the flow is read, so an outcome planned
        /// after this applies to the run the test starts, not to that one (New-Dataflow no longer reads the flow back).
        /// </summary>
        private async Task<Dataflow> FlowWithItsScheduledRunAsync(string name)
        {
            var flow = await _world.NewFlowAsync(name);
            return await _world.Client.FlowService.Flows.GetAsync(flow.Id);
        }

        private async Task<FlowRun> StartAsync(Dataflow flow)
        {
            var host = new RecordingHost();
            var now = _world.Clock.GetUtcNow();
            await new StartFlowRunOperation(_world.Client, _world.Clock).RunAsync(new FlowRunStart { FlowId = flow.Id, WindowStart = now.AddDays(-1), WindowEnd = now }, host);
            return LifecycleWorld.Only<FlowRun>(host);
        }

        /// <summary>A run's counts as Wait-FlowRun's error says them.</summary>
        private static string Counts(FlowRun run) =>
            run.RecordsRead + " records read, " + run.RecordsWritten + " written, " + run.RecordsFailed + " failed";

        [Fact]
        public async Task Wait_polls_on_the_clock_until_the_run_ends_and_writes_it()
        {
            var flow = await _world.NewFlowAsync("Scheduled");
            var run = await _world.TheOnlyRunOfAsync(flow);
            Assert.Equal(RunStatus.Queued, run.StatusKind);

            var host = await WaitAsync(run.Id, TimeSpan.FromMinutes(10));

            var final = host.Single<FlowRun>();
            Assert.Equal("FlowRunPartialSuccess", Assert.Single(host.Errors).ErrorId);
            // Email to personalEmail.address: the records whose emails the data set made malformed fail.
            var malformed = SourceRecordSets.For(FlowServiceTestBed.ShopifySpecId, "Shopify.Orders")!.RowsWith("Email", ImperfectionKinds.MalformedEmail).Count;
            Assert.Equal(RunStatus.PartialSuccess, final.StatusKind);
            Assert.True(final.Metrics!.RecordSummary!.OutputRecordCount > 0);
            Assert.Equal(malformed, final.Metrics.RecordSummary.FailedRecordCount);
            Assert.Contains(host.Progress, p => p.Status.StartsWith("IN_PROGRESS", StringComparison.Ordinal));
            Assert.All(host.Progress.Take(host.Progress.Count - 1), p => Assert.Equal((41, "Waiting for flow run " + run.Id, -1, -1, false), (p.ActivityId, p.Activity, p.PercentComplete, p.SecondsRemaining, p.Completed)));
            var last = host.Progress.Last();
            Assert.Equal((41, "Waiting for flow run " + run.Id, "PARTIAL_SUCCESS", 100, -1, true), (last.ActivityId, last.Activity, last.Status, last.PercentComplete, last.SecondsRemaining, last.Completed));
            Assert.All(_world.Clock.RequestedDelays, d => Assert.Equal(TimeSpan.FromSeconds(15), d));
            Assert.InRange(_world.Clock.RequestedDelays.Count, 5, 6);
        }

        [Fact]
        public async Task Wait_writes_an_error_with_the_runs_first_errors_when_it_fails_and_still_writes_the_run()
        {
            var flow = await FlowWithItsScheduledRunAsync("Failing");
            _world.Engine.FlowService.Runs.PlanFailure(flow.Id, "CONNECTOR-2001-500", "The shop refused the token");
            var run = await StartAsync(flow);

            var host = await WaitAsync(run.Id, TimeSpan.FromMinutes(10));

            var error = Assert.Single(host.Errors);
            Assert.Equal("FlowRunFailed", error.ErrorId);
            var final = host.Single<FlowRun>();
            Assert.Equal(
                "Flow run " + run.Id + " of flow 'Failing' ended FAILED: " + Counts(final) + "; CONNECTOR-2001-500: The shop refused the token.",
                error.Message);
            Assert.Null(final.BatchId);
            Assert.Equal("It wrote no failed records to read; run it again with: Restart-FlowRun -RunId " + run.Id, error.RecommendedAction);
            Assert.Equal(RunStatus.Failed, Assert.IsType<FlowRun>(error.Target).StatusKind);
            Assert.Equal(RunStatus.Failed, host.Single<FlowRun>().StatusKind);
        }

        [Fact]
        public async Task A_partial_success_answered_without_errors_ends_its_message_with_the_records()
        {
            var flow = await FlowWithItsScheduledRunAsync("Silent failure");
            var run = await StartAsync(flow);
            using var client = TestPlatform.NewClient(_world.Engine, clock: _world.Clock, wrap: emulator => new AnswerRewriter(emulator, "/runs/" + run.Id, AnswerRewriter.Replacing("\"errors\"", "\"otherErrors\"")));
            _world.Clock.AutoAdvance = true;
            var host = new RecordingHost();

            await new WaitFlowRunOperation(client, _world.Clock).RunAsync(new FlowRunWait { RunId = run.Id, Timeout = TimeSpan.FromMinutes(10) }, host);

            Assert.Equal("Flow run " + run.Id + " of flow 'Silent failure' ended PARTIAL_SUCCESS: " + Counts(host.Single<FlowRun>()) + ".", Assert.Single(host.Errors).Message);
        }

        [Fact]
        public async Task A_failed_run_answered_without_record_counts_says_how_it_ended_and_its_errors()
        {
            var flow = await FlowWithItsScheduledRunAsync("No counts");
            var run = await StartAsync(flow);
            using var client = TestPlatform.NewClient(_world.Engine, clock: _world.Clock, wrap: emulator => new AnswerRewriter(emulator, "/runs/" + run.Id, AnswerRewriter.Replacing("\"recordSummary\"", "\"otherSummary\"")));
            _world.Clock.AutoAdvance = true;
            var host = new RecordingHost();

            await new WaitFlowRunOperation(client, _world.Clock).RunAsync(new FlowRunWait { RunId = run.Id, Timeout = TimeSpan.FromMinutes(10) }, host);

            var final = host.Single<FlowRun>();
            Assert.Null(final.Metrics!.RecordSummary);
            var error = Assert.Single(final.Metrics.StatusSummary!.Errors!);
            Assert.Equal("Flow run " + run.Id + " of flow 'No counts' ended PARTIAL_SUCCESS: ? records read, ? written, ? failed; " + error + ".", Assert.Single(host.Errors).Message);
        }

        [Fact]
        public async Task A_wait_of_more_than_a_day_shows_its_days()
        {
            var flow = await _world.NewFlowAsync("Long wait");
            var run = await _world.TheOnlyRunOfAsync(flow);

            var host = await WaitAsync(run.Id, TimeSpan.FromHours(25));

            Assert.Equal("QUEUED for 00:00:00; gives up in 1.01:00:00", host.Progress.First().Status);
        }

        [Fact]
        public async Task Wait_reports_a_partial_success_as_an_error_too()
        {
            var flow = await FlowWithItsScheduledRunAsync("Partly");
            var run = await StartAsync(flow);

            var host = await WaitAsync(run.Id, TimeSpan.FromMinutes(10));

            // The data's one error (the malformed emails): shown, none "more".
            var error = Assert.Single(host.Errors);
            var final = host.Single<FlowRun>();
            var runError = Assert.Single(final.Errors);
            Assert.Equal("FlowRunPartialSuccess", error.ErrorId);
            Assert.True(final.RecordsFailed > 0);
            Assert.NotNull(final.BatchId);
            Assert.Equal("Flow run " + run.Id + " of flow 'Partly' ended PARTIAL_SUCCESS: " + Counts(final) + "; " + runError + ".", error.Message);
            Assert.Equal("List its failed records with: Get-FlowRun -RunId " + run.Id + " | Get-FailedRecord", error.RecommendedAction);
        }

        [Fact]
        public async Task Wait_gives_a_clear_timeout_error_when_the_run_does_not_finish_in_time()
        {
            const string Still = "IN_PROGRESS";
            var flow = await _world.NewFlowAsync("Slow");
            var run = await _world.TheOnlyRunOfAsync(flow);

            var host = await WaitAsync(run.Id, TimeSpan.FromSeconds(40), TimeSpan.FromSeconds(15), target: run);

            var error = Assert.Single(host.Errors);
            Assert.Equal("OperationTimeout", error.ErrorId);
            Assert.Equal(OperationErrorCategory.OperationTimeout, error.Category);
            Assert.Equal("Flow run " + run.Id + " did not finish within 00:00:40; it is still " + Still + ".", error.Message);
            Assert.Equal("Wait again with a longer -Timeout, or look at it later with Get-FlowRun -RunId " + run.Id + ".", error.RecommendedAction);
            Assert.Same(run, error.Target);
            Assert.Empty(host.Objects);
            Assert.All(host.Progress, p => Assert.Equal("Waiting for flow run " + run.Id, p.Activity));
            Assert.Equal("QUEUED for 00:00:00; gives up in 00:00:40", host.Progress.First().Status);
            Assert.Equal((Still, true), (host.Progress.Last().Status, host.Progress.Last().Completed));
            Assert.Equal(new[] { 15, 15, 10 }, _world.Clock.RequestedDelays.Select(d => (int)d.TotalSeconds));
            // Three polls while it runs, then the one that gives up: no percentage or time left is known.
            Assert.Equal(new[] { (-1, -1, false), (-1, -1, false), (-1, -1, false), (-1, -1, true) }, host.Progress.Select(p => (p.PercentComplete, p.SecondsRemaining, p.Completed)));
        }

        [Fact]
        public async Task Get_FlowRun_filters_by_status_in_any_spelling_and_by_time()
        {
            var flow = await _world.NewFlowAsync("Mixed");
            var scheduled = await _world.TheOnlyRunOfAsync(flow);
            await WaitAsync(scheduled.Id, TimeSpan.FromMinutes(5));
            var since = _world.Clock.GetUtcNow();
            _world.Clock.Advance(TimeSpan.FromSeconds(1));
            _world.Engine.FlowService.Runs.PlanFailure(flow.Id, "CONNECTOR-2001-500", "The shop is down");
            var failing = await StartAsync(flow);
            await WaitAsync(failing.Id, TimeSpan.FromMinutes(5));

            var failed = new RecordingHost();
            await new GetFlowRunOperation(_world.Client).RunAsync(new FlowRunQuery { FlowId = flow.Id, Statuses = new[] { RunStatusNames.Parse("failed") } }, failed);
            var recent = new RecordingHost();
            await new GetFlowRunOperation(_world.Client).RunAsync(new FlowRunQuery { FlowId = flow.Id, Since = since }, recent);
            var byId = new RecordingHost();
            await new GetFlowRunOperation(_world.Client).RunAsync(new FlowRunQuery { RunId = scheduled.Id }, byId);

            Assert.Equal(failing.Id, LifecycleWorld.Only<FlowRun>(failed).Id);
            Assert.Equal(failing.Id, LifecycleWorld.Only<FlowRun>(recent).Id);
            Assert.Equal(RunStatus.PartialSuccess, LifecycleWorld.Only<FlowRun>(byId).StatusKind);
        }

        [Fact]
        public async Task Start_checks_the_window_and_the_flows_state_before_sending()
        {
            var flow = await _world.NewFlowAsync("Checked");
            await new DataflowStateOperation(enable: false, client: _world.Client).RunAsync(flow.Id, null, null, true, new RecordingHost());
            _world.Engine.Journal.Clear();
            var now = _world.Clock.GetUtcNow();

            var host = new RecordingHost();
            await new StartFlowRunOperation(_world.Client, _world.Clock).RunAsync(new FlowRunStart { FlowId = flow.Id, WindowStart = now, WindowEnd = now.AddHours(-1) }, host);

            var error = Assert.Single(host.Errors);
            Assert.Equal("PreflightRejected", error.ErrorId);
            Assert.Equal(
                flow.Id + ": run of dataflow 'Checked': the dataflow is disabled, so it cannot run; enable it first (Enable-Dataflow); WindowEnd: "
                + now.AddHours(-1).ToString("yyyy-MM-dd HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture) + " is before WindowStart "
                + now.ToString("yyyy-MM-dd HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
                error.Message);
            Assert.Equal("Enable the dataflow with Enable-Dataflow -Id " + flow.Id + ", then start the run again; nothing was sent to the platform.", error.RecommendedAction);
            Assert.Empty(_world.Requests("POST", "/runs"));
        }

        [Fact]
        public async Task A_window_that_ends_where_it_starts_is_started_after_asking_with_the_window()
        {
            var flow = await _world.NewFlowAsync("Instant");
            var instant = new DateTimeOffset(2026, 11, 21, 6, 30, 0, TimeSpan.Zero);

            var host = new RecordingHost();
            await new StartFlowRunOperation(_world.Client, _world.Clock).RunAsync(new FlowRunStart { FlowId = flow.Id, WindowStart = instant, WindowEnd = instant }, host);

            Assert.Equal(flow.Id, LifecycleWorld.Only<FlowRun>(host).FlowId);
            Assert.Equal(("Instant", "Start a run over 2026-11-21 06:30:00Z to 2026-11-21 06:30:00Z"), host.Asked.Single());
        }

        [Fact]
        public async Task Start_sends_the_window_and_the_run_spec_params()
        {
            var flow = await _world.NewFlowAsync("On demand");
            var now = _world.Clock.GetUtcNow();

            var host = new RecordingHost();
            await new StartFlowRunOperation(_world.Client, _world.Clock).RunAsync(new FlowRunStart { FlowId = flow.Id, WindowStart = now.AddDays(-1), WindowEnd = now, DeltaColumn = "updated_at" }, host);

            var run = LifecycleWorld.Only<FlowRun>(host);
            Assert.Equal(flow.Id, run.FlowId);
            Assert.Equal(RunStatus.Queued, run.StatusKind);
            var parameters = run.ParamsJson!;
            Assert.Equal(now.AddDays(-1).ToUnixTimeSeconds(), (long)parameters["windowStartTime"]!);
            Assert.Equal("updated_at", (string?)parameters["deltaColumn"]!["name"]);
        }

        [Fact]
        public async Task Start_without_a_window_reads_from_where_the_latest_run_window_ended_to_now()
        {
            var flow = await _world.NewFlowAsync("Since last");
            var scheduled = await _world.TheOnlyRunOfAsync(flow);
            var scheduledEnd = (long)scheduled.ParamsJson!["windowEndTime"]!;
            _world.Clock.Advance(TimeSpan.FromHours(3));

            var host = new RecordingHost();
            await new StartFlowRunOperation(_world.Client, _world.Clock).RunAsync(new FlowRunStart { FlowId = flow.Id, DeltaColumn = "updated_at" }, host);
            var first = LifecycleWorld.Only<FlowRun>(host);
            _world.Clock.Advance(TimeSpan.FromMinutes(20));
            host = new RecordingHost();
            await new StartFlowRunOperation(_world.Client, _world.Clock).RunAsync(new FlowRunStart { FlowId = flow.Id, DeltaColumn = "updated_at" }, host);
            var second = LifecycleWorld.Only<FlowRun>(host);

            Assert.Equal(scheduledEnd, (long)first.ParamsJson!["windowStartTime"]!);
            Assert.Equal(scheduledEnd + 3 * 3600, (long)first.ParamsJson["windowEndTime"]!);
            Assert.Equal(scheduledEnd + 3 * 3600, (long)second.ParamsJson!["windowStartTime"]!);
            Assert.Equal(_world.Clock.GetUtcNow().ToUnixTimeSeconds(), (long)second.ParamsJson["windowEndTime"]!);
        }

        [Fact]
        public async Task Without_a_window_a_run_starts_where_the_latest_window_ended_whatever_order_the_runs_came_in()
        {
            var flow = await FlowWithItsScheduledRunAsync("Out of order");
            var now = _world.Clock.GetUtcNow();

            // Windows ending 2, 3 and 1 hours after the scheduled run's: the latest is neither the first nor the last.
            foreach (var hoursAhead in new[] { 2, 3, 1 })
            {
                await new StartFlowRunOperation(_world.Client, _world.Clock).RunAsync(new FlowRunStart { FlowId = flow.Id, WindowStart = now, WindowEnd = now.AddHours(hoursAhead) }, new RecordingHost());
            }

            _world.Clock.Advance(TimeSpan.FromHours(5));
            var host = new RecordingHost();
            await new StartFlowRunOperation(_world.Client, _world.Clock).RunAsync(new FlowRunStart { FlowId = flow.Id }, host);

            Assert.Equal(now.AddHours(3).ToUnixTimeSeconds(), (long)LifecycleWorld.Only<FlowRun>(host).ParamsJson!["windowStartTime"]!);
        }

        [Fact]
        public async Task A_window_end_before_where_the_last_window_ended_says_where_that_start_came_from()
        {
            var flow = await FlowWithItsScheduledRunAsync("Behind");
            var now = _world.Clock.GetUtcNow();
            await new StartFlowRunOperation(_world.Client, _world.Clock).RunAsync(new FlowRunStart { FlowId = flow.Id, WindowStart = now.AddHours(-2), WindowEnd = now }, new RecordingHost());

            var host = new RecordingHost();
            await new StartFlowRunOperation(_world.Client, _world.Clock).RunAsync(new FlowRunStart { FlowId = flow.Id, WindowEnd = now.AddHours(-1) }, host);

            Assert.Equal(
                flow.Id + ": run of dataflow 'Behind': WindowEnd: " + Utc(now.AddHours(-1)) + " is before WindowStart " + Utc(now) + " (where the flow's last run window ended, or its start time)",
                Assert.Single(host.Errors).Message);
        }

        [Fact]
        public async Task Declining_a_start_sends_nothing()
        {
            var flow = await _world.NewFlowAsync("Not now");
            var now = _world.Clock.GetUtcNow();
            _world.Engine.Journal.Clear();

            var host = new RecordingHost(ChangeDecision.Declined);
            await new StartFlowRunOperation(_world.Client, _world.Clock).RunAsync(new FlowRunStart { FlowId = flow.Id, WindowStart = now.AddHours(-1), WindowEnd = now }, host);

            Assert.Equal(("Not now", "Start a run over " + Utc(now.AddHours(-1)) + " to " + Utc(now)), Assert.Single(host.Asked));
            Assert.Empty(host.Objects);
            Assert.Empty(host.Errors);
            Assert.Empty(_world.Requests("POST", "/runs"));
        }

        private static string Utc(DateTimeOffset time) => time.ToString("yyyy-MM-dd HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

        [Fact]
        public async Task Restart_retriggers_a_finished_run_and_refuses_one_still_running()
        {
            var flow = await _world.NewFlowAsync("Again");
            var run = await _world.TheOnlyRunOfAsync(flow);

            var tooEarly = new RecordingHost();
            await new RestartFlowRunOperation(_world.Client).RunAsync(run.Id, run, tooEarly);
            var refused = Assert.Single(tooEarly.Errors);
            Assert.Equal("PreflightRejected", refused.ErrorId);
            Assert.Equal(run.Id + ": run " + run.Id + ": it is still " + run.Status + "; only a finished run can be re-triggered", refused.Message);
            Assert.Equal("Wait until it has finished, then re-trigger it: Get-FlowRun -RunId " + run.Id + " | Wait-FlowRun | Restart-FlowRun", refused.RecommendedAction);

            await WaitAsync(run.Id, TimeSpan.FromMinutes(5));
            var declined = new RecordingHost(ChangeDecision.Declined);
            await new RestartFlowRunOperation(_world.Client).RunAsync(run.Id, run, declined);
            Assert.Equal((run.Id, "Re-trigger the run of flow " + flow.Id), Assert.Single(declined.Asked));
            Assert.Empty(declined.Objects);
            Assert.Empty(_world.Requests("POST", "/runs/" + run.Id + "/action"));

            var host = new RecordingHost();
            await new RestartFlowRunOperation(_world.Client).RunAsync(run.Id, run, host);

            var retry = LifecycleWorld.Only<FlowRun>(host);
            Assert.NotEqual(run.Id, retry.Id);
            Assert.Equal(flow.Id, retry.FlowId);
            Assert.Single(_world.Requests("POST", "/runs/" + run.Id + "/action"));
        }
    }
}
