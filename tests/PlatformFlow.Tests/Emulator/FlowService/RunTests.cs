using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using PlatformFlow.Emulator.Engine;
using PlatformFlow.Emulator.FlowService;
using PlatformFlow.Emulator.SourceData;
using Xunit;
using static PlatformFlow.Tests.Emulator.FlowService.FlowServiceTestBed;

namespace PlatformFlow.Tests.Emulator.FlowService
{
    /// <summary>Runs on the emulator's manual clock: schedule slots, the state machine, planned failures, on-demand runs, re-triggers.</summary>
    public sealed class RunTests
    {
        private static readonly TimeSpan Queued = new EmulatorOptions().RunQueuedFor;
        private static readonly TimeSpan Running = new EmulatorOptions().RunDuration;

        [Fact]
        public async Task A_once_flow_with_a_past_start_runs_once_through_queued_in_progress_and_its_data_decides_how_it_ends()
        {
            using var bed = new FlowServiceTestBed();
            var flowId = await bed.CreateFlow(await bed.CreatePipeline());

            var queued = await SingleRun(bed, flowId);
            bed.Clock.Advance(Queued);
            var running = await SingleRun(bed, flowId);
            bed.Clock.Advance(Running);
            var done = await SingleRun(bed, flowId);

            Assert.Equal(RunStatus.Queued, Status(queued));
            Assert.Equal(RunStatus.InProgress, Status(running));
            Assert.NotNull(running["metrics"]!["durationSummary"]!["startedAtUTC"]);
            Assert.Equal(RunStatus.PartialSuccess, Status(done));
            var metrics = done["metrics"]!;
            var records = SourceRecordSets.For(ShopifySpecId, "Shopify.Orders")!;
            var malformed = records.RowsWith("Email", ImperfectionKinds.MalformedEmail).Count;
            Assert.Equal(records.Records.Count, (int)metrics["recordSummary"]!["inputRecordCount"]!);
            Assert.Equal(records.Records.Count - malformed, (int)metrics["recordSummary"]!["outputRecordCount"]!);
            Assert.Equal(malformed, (int)metrics["recordSummary"]!["failedRecordCount"]!);
            Assert.Equal((long)metrics["durationSummary"]!["startedAtUTC"]! + (long)Running.TotalMilliseconds, (long)metrics["durationSummary"]!["completedAtUTC"]!);
            Assert.True((int)metrics["sizeSummary"]!["inputBytes"]! > 0);
            Assert.Equal(1, (int)metrics["fileSummary"]!["inputFileCount"]!);
            Assert.Equal(new[] { "copyActivity", "promotionActivity" }, done["activities"]!.AsArray().Select(a => (string)a!["id"]!));
            Assert.NotEqual((string)queued["etag"]!, (string)done["etag"]!);
            var lastRun = (await bed.GetItem(Flow + "/flows/" + flowId))["lastRunDetails"]!;
            Assert.Equal("partialSuccess", (string)lastRun["state"]!);
            Assert.Equal((string)done["id"]!, (string)lastRun["id"]!);
        }

        [Fact]
        public async Task A_scheduled_flow_gets_one_run_per_slot_that_has_come()
        {
            using var bed = new FlowServiceTestBed();
            var start = bed.NowSeconds + 3600;
            var flowId = await bed.CreateFlow(await bed.CreatePipeline(), Hourly(start));

            var before = await Runs(bed, flowId);
            bed.Clock.Advance(TimeSpan.FromHours(3) + TimeSpan.FromMinutes(30));
            var after = await Runs(bed, flowId);

            Assert.Empty(before);
            Assert.Equal(new[] { start, start + 3600, start + 7200 }.Select(s => s * 1000), after.Select(r => (long)r["createdAt"]!).OrderBy(t => t));
        }

        [Fact]
        public async Task A_disabled_flow_makes_no_runs_for_the_slots_while_disabled()
        {
            using var bed = new FlowServiceTestBed();
            var start = bed.NowSeconds + 3600;
            var flowId = await bed.CreateFlow(await bed.CreatePipeline(), Hourly(start));

            bed.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
            await bed.Send(HttpMethod.Post, Flow + "/flows/" + flowId + "/action?op=disable");
            bed.Clock.Advance(TimeSpan.FromHours(2));
            await bed.Send(HttpMethod.Post, Flow + "/flows/" + flowId + "/action?op=enable");
            bed.Clock.Advance(TimeSpan.FromHours(1));

            var slots = (await Runs(bed, flowId)).Select(r => (long)r["createdAt"]! / 1000).OrderBy(t => t);
            Assert.Equal(new[] { start, start + (3 * 3600) }, slots);
        }

        [Fact]
        public async Task Planned_failures_apply_to_the_next_runs_in_order_and_read_nothing()
        {
            using var bed = new FlowServiceTestBed();
            var pipeline = await bed.CreatePipeline();
            var start = bed.NowSeconds + 60;
            var flowId = await bed.CreateFlow(pipeline, @"{ ""startTime"": " + start + @", ""frequency"": ""minute"", ""interval"": 15 }");
            bed.Engine.FlowService.Runs.PlanFailure(flowId, "CONNECTOR-1001-500", "Shopify answered 401 Unauthorized.", runs: 2);

            bed.Clock.Advance(TimeSpan.FromMinutes(46) + Queued + Running);
            var runs = (await Runs(bed, flowId)).OrderBy(r => (long)r["createdAt"]!).ToList();

            Assert.Equal(new[] { RunStatus.Failed, RunStatus.Failed }, runs.Take(2).Select(Status));
            Assert.Equal(2, runs.Skip(2).Count(r => Status(r) != RunStatus.Failed && (int)r["metrics"]!["recordSummary"]!["inputRecordCount"]! > 0));
            var failed = runs[0]["metrics"]!;
            var error = Assert.Single(failed["statusSummary"]!["errors"]!.AsArray())!;
            Assert.Equal(("CONNECTOR-1001-500", "Shopify answered 401 Unauthorized.", null), ((string)error["code"]!, (string)error["message"]!, error["recordCount"]));
            Assert.Equal((0, 0, 0), ((int)failed["recordSummary"]!["inputRecordCount"]!, (int)failed["recordSummary"]!["outputRecordCount"]!, (int)failed["recordSummary"]!["failedRecordCount"]!));
            Assert.DoesNotContain(runs[0]["activities"]!.AsArray().SelectMany(a => a!["targetInfo"]?.AsArray() ?? new JsonArray()), t => (string?)t!["type"] == "Batch");
        }

        [Fact]
        public async Task A_failure_is_planned_through_the_emulators_own_route_too()
        {
            using var bed = new FlowServiceTestBed();
            var flowId = await bed.CreateFlow(await bed.CreatePipeline(), Hourly(bed.NowSeconds + 3600));

            var planned = await bed.Post("/emulator/flows/" + flowId + "/plannedFailures", Json(@"{ ""code"": ""CONNECTOR-2001-500"", ""message"": ""The shop is down."", ""runs"": 2 }"));
            var refused = await bed.Post("/emulator/flows/" + flowId + "/plannedFailures", Json(@"{ ""code"": ""CONNECTOR-2001-500"" }"));
            var unknown = await bed.Post("/emulator/flows/no-such-flow/plannedFailures", Json(@"{ ""code"": ""C"", ""message"": ""M"" }"));
            bed.Clock.Advance(TimeSpan.FromHours(1) + Queued + Running);

            Assert.Equal(HttpStatusCode.Created, planned.Status);
            Assert.Equal(flowId, (string)planned.Body!["flowId"]!);
            Assert.Equal(2, (int)planned.Body["planned"]!);
            Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.NotFound), (refused.Status, unknown.Status));
            Assert.EndsWith("EMU-6001-400", (string)refused.Body!["type"]!);
            var run = Assert.Single(await Runs(bed, flowId));
            Assert.Equal(RunStatus.Failed, Status(run));
            Assert.Equal("The shop is down.", (string)run["metrics"]!["statusSummary"]!["errors"]![0]!["message"]!);
        }

        [Fact]
        public void Planning_a_failure_for_an_unknown_flow_or_without_a_code_throws()
        {
            using var bed = new FlowServiceTestBed();

            Assert.Throws<ArgumentException>(() => bed.Engine.FlowService.Runs.PlanFailure("no-such-flow", "CONNECTOR-2001-500", "Down."));
            Assert.Throws<ArgumentException>(() => bed.Engine.FlowService.Runs.PlanFailure("no-such-flow", " ", "Down."));
        }

        [Fact]
        public async Task An_on_demand_run_starts_at_once_and_keeps_its_params_as_integers()
        {
            using var bed = new FlowServiceTestBed();
            var flowId = await bed.CreateFlow(await bed.CreatePipeline(), Hourly(bed.NowSeconds + 86400));

            var created = await bed.Post(Flow + "/runs", Json(@"{ ""flowId"": """ + flowId + @""",
                ""params"": { ""startTime"": """ + bed.NowSeconds + @""", ""windowStartTime"": 1651584991, ""windowEndTime"": 1651585967 } }"));
            var runId = (string)created.Body!["id"]!;
            var run = await bed.GetItem(Flow + "/runs/" + runId);
            bed.Clock.Advance(Queued + Running);
            var done = await bed.GetItem(Flow + "/runs/" + runId);

            Assert.Equal(HttpStatusCode.Created, created.Status);
            Assert.Equal(RunStatus.Queued, Status(run));
            Assert.Equal(bed.NowSeconds - (long)(Queued + Running).TotalSeconds, run["params"]!["startTime"]!.GetValue<long>());
            Assert.Equal(RunStatus.PartialSuccess, Status(done));
            Assert.Equal(1651584991000L, (long)done["activities"]![0]!["durationSummary"]!["extensions"]!["windowStart"]!);
        }

        [Fact]
        public async Task An_on_demand_run_of_a_disabled_flow_is_refused()
        {
            using var bed = new FlowServiceTestBed();
            var flowId = await bed.CreateFlow(await bed.CreatePipeline());
            await bed.Send(HttpMethod.Post, Flow + "/flows/" + flowId + "/action?op=disable");

            (await bed.Post(Flow + "/runs", Json(@"{ ""flowId"": """ + flowId + @""", ""params"": { ""startTime"": 1, ""windowStartTime"": 1, ""windowEndTime"": 2 } }")))
                .AssertFlowError(HttpStatusCode.BadRequest, "1422-400");
        }

        [Fact]
        public async Task A_finished_run_is_re_triggered_as_a_new_run_of_the_same_window()
        {
            using var bed = new FlowServiceTestBed();
            var flowId = await bed.CreateFlow(await bed.CreatePipeline());
            var first = (await SingleRun(bed, flowId))!;
            bed.Engine.FlowService.Runs.PlanFailure(flowId, "CONNECTOR-2001-500", "Down.");

            var tooEarly = await bed.Send(HttpMethod.Post, Flow + "/runs/" + first["id"] + "/action?op=RE_TRIGGER");
            bed.Clock.Advance(Queued + Running);
            var retry = await bed.Send(HttpMethod.Post, Flow + "/runs/" + first["id"] + "/action?op=RE_TRIGGER");
            bed.Clock.Advance(Queued + Running);
            var runs = await Runs(bed, flowId);

            tooEarly.AssertFlowError(HttpStatusCode.BadRequest, "1422-400");
            Assert.Equal(HttpStatusCode.OK, retry.Status);
            Assert.Equal(RunStatus.Queued, Status(retry.Body!.AsObject()));
            Assert.NotEqual((string)first["id"]!, (string)retry.Body["id"]!);
            Assert.True(JsonNode.DeepEquals(first["params"], retry.Body["params"]));
            Assert.Equal(2, runs.Length);
            Assert.Equal(RunStatus.Failed, Status(runs.Single(r => (string)r["id"]! == (string)retry.Body["id"]!)));
        }

        [Fact]
        public async Task Runs_filter_by_flow_and_status_and_count()
        {
            using var bed = new FlowServiceTestBed();
            var pipeline = await bed.CreatePipeline();
            var one = await bed.CreateFlow(pipeline, name: "one");
            await bed.CreateFlow(pipeline, name: "two");
            bed.Engine.FlowService.Runs.PlanFailure(one, "CONNECTOR-2001-500", "Down.");
            bed.Clock.Advance(Queued + Running);

            var failed = (await bed.Get(Flow + "/runs?property=metrics.statusSummary.status==Failed")).Body!["items"]!.AsArray();
            var count = (await bed.Get(Flow + "/runs?count=true")).Body!;

            Assert.Equal(one, (string)Assert.Single(failed)!["flowId"]!);
            Assert.Equal(2, (int)count["count"]!);
            (await bed.Get(Flow + "/runs/9830305a-985f-47d0-b030-5a985fd7d004")).AssertFlowError(HttpStatusCode.NotFound, "1439-404");
        }

        private static string Hourly(long start) => @"{ ""startTime"": " + start + @", ""frequency"": ""hour"", ""interval"": 1, ""backfill"": true }";

        private static string Status(JsonObject run) => (string)run["metrics"]!["statusSummary"]!["status"]!;

        private static async Task<JsonObject[]> Runs(FlowServiceTestBed bed, string flowId)
        {
            var answer = await bed.Get(Flow + "/runs?property=flowId==" + flowId);
            Assert.Equal(HttpStatusCode.OK, answer.Status);
            return answer.Body!["items"]!.AsArray().Select(r => r!.AsObject()).ToArray();
        }

        private static async Task<JsonObject> SingleRun(FlowServiceTestBed bed, string flowId) => Assert.Single(await Runs(bed, flowId));
    }
}
