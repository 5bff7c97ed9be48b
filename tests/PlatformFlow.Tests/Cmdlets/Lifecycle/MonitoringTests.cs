using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using PlatformFlow.Client;
using PlatformFlow.Client.Inputs;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Operations;
using PlatformFlow.Tests.Support;
using Xunit;
using RunStatus = PlatformFlow.Client.Models.RunStatus;

namespace PlatformFlow.Tests.Cmdlets.Lifecycle
{
    /// <summary>
    /// Watching flows: Get-FlowRun across flows, Get-FailedRecord, Get-Batch, Get-DatasetRecord and Wait-FlowRun's hint. The
    /// runs are the emulator's; what the wire contract (<c>plan/issue20-wire.md</c>) fixes about batches, row errors and
    /// previews is answered as it says (<see cref="WireAnswers"/>), so the client is held to the contract, not to an
    /// emulator's internals.
    /// </summary>
    public sealed class MonitoringTests : IDisposable
    {
        private const string BatchId = "01JBATCH0000000000000000AA";
        private const string Export = "/data/foundation/export";
        private const string Catalog = "/data/foundation/catalog";

        private readonly LifecycleWorld _world = new LifecycleWorld();
        private readonly WireAnswers _wire = new WireAnswers();

        public void Dispose() => _world.Dispose();

        /// <summary>
        /// A flow's run, waited for until it is final (the manual clock moves at once); with <paramref name="plannedFault"/>,
        /// a connector fault planned for it (before its first read, so it applies to this run).
        /// </summary>
        private async Task<(Dataflow Flow, FlowRun Run)> FinishedRunAsync(string name, string? plannedFault = null)
        {
            var flow = await _world.NewFlowAsync(name);
            if (plannedFault != null)
            {
                _world.Engine.FlowService.Runs.PlanFailure(flow.Id, plannedFault, "The shop refused the token.");
            }

            var run = await _world.TheOnlyRunOfAsync(flow);
            _world.Clock.AutoAdvance = true;
            var host = new RecordingHost();
            await new WaitFlowRunOperation(_world.Client, _world.Clock).RunAsync(new FlowRunWait { RunId = run.Id, Timeout = TimeSpan.FromMinutes(10) }, host);
            return (flow, host.Single<FlowRun>());
        }

        /// <summary>
        /// A client whose reads of <paramref name="run"/> answer it as a partial success that wrote <see cref="BatchId"/>
        /// (2 of 10 records failed), and whose Catalog and Data Access reads are <see cref="_wire"/>'s.
        /// </summary>
        private PlatformClient ClientWithPartialRun(FlowRun run) =>
            TestPlatform.NewClient(_world.Engine, clock: _world.Clock, wrap: emulator => _wire.Around(new AnswerRewriter(emulator, "/runs/" + run.Id, PartialWithBatch)));

        private static JsonNode PartialWithBatch(JsonNode answer)
        {
            var run = (JsonObject)answer["items"]![0]!;
            var metrics = (JsonObject)run["metrics"]!;
            metrics["recordSummary"] = new JsonObject { ["inputRecordCount"] = 10, ["outputRecordCount"] = 8, ["failedRecordCount"] = 2 };
            metrics["statusSummary"] = new JsonObject
            {
                ["status"] = "PARTIAL_SUCCESS",
                ["errors"] = new JsonArray(new JsonObject { ["code"] = "MAPPER-3700-400", ["message"] = "personalEmail.address: 'not-an-email' is not an email.", ["recordCount"] = 2 }),
            };
            var activities = (JsonArray)run["activities"]!;
            ((JsonObject)activities[activities.Count - 1]!)["targetInfo"] = new JsonArray(
                new JsonObject { ["id"] = "tc-1", ["type"] = "TargetConnection" },
                new JsonObject { ["id"] = BatchId, ["type"] = "batch" });
            return answer;
        }

        /// <summary>One row-error line as Data Access writes it.</summary>
        private static string RowError(int row, string email, string code = "MAPPER-3700-400") =>
            new JsonObject
            {
                ["_corrupt_record"] = new JsonObject { ["Email"] = email, ["Phone"] = "+44 20 7946 0" + row }.ToJsonString(),
                ["_errors"] = new JsonArray(new JsonObject { ["code"] = code, ["message"] = "personalEmail.address: '" + email + "' is not an email.", ["field"] = "personalEmail.address" }),
                ["_filename"] = "Shopify.Orders",
                ["_row"] = row,
            }.ToJsonString();

        private static string FileList(string batchId, string next, params string[] files) =>
            new JsonObject
            {
                ["data"] = new JsonArray(files.Select(f => (JsonNode)new JsonObject
                {
                    ["name"] = f,
                    ["length"] = 512,
                    ["_links"] = new JsonObject { ["self"] = new JsonObject { ["href"] = Export + "/batches/" + batchId + "/meta?path=" + f } },
                }).ToArray()),
                ["_page"] = new JsonObject { ["limit"] = 1, ["count"] = files.Length },
                ["_links"] = next is null ? new JsonObject() : new JsonObject { ["next"] = new JsonObject { ["href"] = next } },
            }.ToJsonString();

        /// <summary>Two row-error files of two lines each, listed one per page.</summary>
        private void RowErrorFiles()
        {
            _wire.Answer(Export + "/batches/" + BatchId + "/meta?path=row_errors", FileList(BatchId, Export + "/batches/" + BatchId + "/meta?path=row_errors&start=1", "row_errors/part-00000.json"))
                .Answer(Export + "/batches/" + BatchId + "/meta?path=row_errors&start=1", FileList(BatchId, null!, "row_errors/part-00001.json"))
                .Answer(Export + "/batches/" + BatchId + "/meta?path=row_errors/part-00000.json", RowError(3, "not-an-email") + "\n" + RowError(7, "a@") + "\n")
                .Answer(Export + "/batches/" + BatchId + "/meta?path=row_errors/part-00001.json", "\n" + RowError(12, "@b.example") + "\n" + RowError(15, "x y@c.example"));
        }

        private static string Batch(string datasetId, string flowId, string runId, string status, long created) =>
            new JsonObject
            {
                ["imsOrg"] = TestPlatform.OrgId,
                ["created"] = created,
                ["updated"] = created + 1000,
                ["completed"] = created + 2000,
                ["status"] = status,
                ["version"] = "1.0.0",
                ["relatedObjects"] = new JsonArray(new JsonObject { ["type"] = "dataSet", ["id"] = datasetId }),
                ["metrics"] = new JsonObject { ["inputRecordCount"] = 10, ["outputRecordCount"] = 8, ["failedRecordCount"] = 2 },
                ["errors"] = new JsonArray(new JsonObject { ["code"] = "MAPPER-3700-400", ["description"] = "Not an email.", ["recordCount"] = 2 }),
                ["tags"] = new JsonObject { ["flowId"] = new JsonArray(flowId), ["runId"] = new JsonArray(runId) },
                ["externalId"] = runId,
            }.ToJsonString();

        private static string Keyed(params (string Id, string Body)[] batches) =>
            "{" + string.Join(",", batches.Select(b => "\"" + b.Id + "\":" + b.Body)) + "}";

        [Fact]
        public async Task Get_FlowRun_without_a_flow_lists_every_flows_runs_through_the_listings_filters_and_names_them_from_one_listing_of_flows()
        {
            var finished = new[] { await FinishedRunAsync("Watched 1"), await FinishedRunAsync("Watched 2"), await FinishedRunAsync("Watched 3") };
            using var client = TestPlatform.NewClient(_world.Engine, clock: _world.Clock, wrap: _wire.Around);
            var since = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000);
            var host = new RecordingHost();

            await new GetFlowRunOperation(client).RunAsync(new FlowRunQuery { Statuses = new[] { RunStatus.Success, RunStatus.PartialSuccess, RunStatus.Failed }, Since = since }, host);

            host.AssertNoErrors();
            var runs = host.Objects.Select(o => Assert.IsType<FlowRun>(o.Value)).ToList();
            Assert.Equal(finished.Select(f => f.Run.Id).OrderBy(id => id), runs.Select(r => r.Id).OrderBy(id => id));
            Assert.All(runs, run => Assert.Equal(finished.Single(f => f.Run.Id == run.Id).Flow.Name, run.FlowName));
            var requests = _wire.Requests.Where(r => r.Contains("/data/")).ToList();
            Assert.Equal(
                new[]
                {
                    "GET /data/foundation/flowservice/runs?property=metrics.statusSummary.status==SUCCESS,PARTIAL_SUCCESS,FAILED&property=createdAt>1700000000000&limit=100",
                    "GET /data/foundation/flowservice/flows?limit=1000",
                },
                requests);
        }

        [Fact]
        public async Task Get_FlowRun_of_one_flow_names_it_from_one_read_of_that_flow()
        {
            var (flow, run) = await FinishedRunAsync("Named");
            using var client = TestPlatform.NewClient(_world.Engine, clock: _world.Clock, wrap: _wire.Around);
            var host = new RecordingHost();

            await new GetFlowRunOperation(client).RunAsync(new FlowRunQuery { FlowId = flow.Id }, host);

            Assert.Equal("Named", LifecycleWorld.Only<FlowRun>(host).FlowName);
            Assert.Equal(
                new[] { "GET /data/foundation/flowservice/runs?property=flowId==" + flow.Id + "&limit=100", "GET /data/foundation/flowservice/flows/" + flow.Id },
                _wire.Requests.Where(r => r.Contains("/data/")));
        }

        [Fact]
        public async Task A_run_reads_its_batch_counts_and_errors_as_its_own_values()
        {
            var (_, finished) = await FinishedRunAsync("Partial");
            using var client = ClientWithPartialRun(finished);

            var run = await client.FlowService.Runs.GetAsync(finished.Id);

            Assert.Equal(BatchId, run.BatchId);
            Assert.Equal((10L, 8L, 2L), (run.RecordsRead!.Value, run.RecordsWritten!.Value, run.RecordsFailed!.Value));
            var error = Assert.Single(run.Errors);
            Assert.Equal(("MAPPER-3700-400", 2L), (error.Code, error.RecordCount!.Value));
            Assert.Equal("MAPPER-3700-400: personalEmail.address: 'not-an-email' is not an email. (2 records)", run.Errors.ToString());
            Assert.Equal(RunStatus.PartialSuccess, run.StatusKind);
            Assert.Equal(run.CompletedAt - run.StartedAt, run.GetDuration());
            Assert.Equal(run.GetDuration()!.Value.ToString("c"), run.Duration);
            Assert.Matches("^copyActivity: [A-Z_]+, promotionActivity: [A-Z_]+$", run.Activities!.ToString());
        }

        [Fact]
        public async Task Wait_on_a_partial_run_says_its_counts_and_the_exact_command_that_lists_its_failed_records()
        {
            var (_, finished) = await FinishedRunAsync("Partly failing");
            using var client = ClientWithPartialRun(finished);
            var host = new RecordingHost();

            await new WaitFlowRunOperation(client, _world.Clock).RunAsync(new FlowRunWait { RunId = finished.Id }, host);

            var error = Assert.Single(host.Errors);
            Assert.Equal("FlowRunPartialSuccess", error.ErrorId);
            Assert.Equal(
                "Flow run " + finished.Id + " of flow 'Partly failing' ended PARTIAL_SUCCESS: 10 records read, 8 written, 2 failed; MAPPER-3700-400: personalEmail.address: 'not-an-email' is not an email. (2 records).",
                error.Message);
            Assert.Equal("List its failed records with: Get-FlowRun -RunId " + finished.Id + " | Get-FailedRecord", error.RecommendedAction);
        }

        [Fact]
        public async Task Get_FailedRecord_of_a_run_reads_each_row_error_file_of_its_batch_one_record_a_line()
        {
            var (flow, finished) = await FinishedRunAsync("Failing records");
            using var client = ClientWithPartialRun(finished);
            RowErrorFiles();
            var host = new RecordingHost();

            await new GetFailedRecordOperation(client).RunAsync(new FailedRecordQuery { RunId = finished.Id }, host);

            host.AssertNoErrors();
            var records = host.Objects.Select(o => Assert.IsType<FailedRecord>(o.Value)).ToList();
            Assert.Equal(new long?[] { 3, 7, 12, 15 }, records.Select(r => r.Row));
            var first = records[0];
            Assert.Equal(("MAPPER-3700-400", "personalEmail.address: 'not-an-email' is not an email.", "personalEmail.address"), (first.Code, first.Message, first.Field));
            Assert.Equal((finished.Id, BatchId, flow.Id, "Failing records", "Shopify.Orders"), (first.RunId, first.BatchId, first.FlowId, first.FlowName, first.Source));
            Assert.Equal("not-an-email", (string?)Assert.IsType<JsonObject>(first.Record)["Email"]);
            Assert.Equal("MAPPER-3700-400 (personalEmail.address): personalEmail.address: 'not-an-email' is not an email.", Assert.Single(first.Errors).ToString());
        }

        [Fact]
        public async Task Get_FailedRecord_First_stops_reading_once_it_has_enough()
        {
            var (_, finished) = await FinishedRunAsync("First two");
            using var client = ClientWithPartialRun(finished);
            RowErrorFiles();
            var host = new RecordingHost();

            await new GetFailedRecordOperation(client).RunAsync(new FailedRecordQuery { RunId = finished.Id, First = 2 }, host);

            Assert.Equal(new long?[] { 3, 7 }, host.Objects.Select(o => ((FailedRecord)o.Value).Row));
            Assert.DoesNotContain(_wire.Requests, r => r.Contains("part-00001"));
        }

        [Fact]
        public async Task Get_FailedRecord_of_a_batch_names_the_run_and_flow_its_tags_give()
        {
            var (flow, finished) = await FinishedRunAsync("By batch");
            using var client = ClientWithPartialRun(finished);
            RowErrorFiles();
            _wire.Answer(Catalog + "/batches/" + BatchId, Keyed((BatchId, Batch("ds-1", flow.Id, finished.Id, "success", 1_790_000_000_000))));
            var host = new RecordingHost();

            await new GetFailedRecordOperation(client).RunAsync(new FailedRecordQuery { BatchId = BatchId, First = 1 }, host);

            var record = LifecycleWorld.Only<FailedRecord>(host);
            Assert.Equal((finished.Id, flow.Id, "By batch"), (record.RunId, record.FlowId, record.FlowName));
        }

        [Fact]
        public async Task A_run_that_wrote_no_batch_has_no_failed_records_and_says_so()
        {
            var (_, finished) = await FinishedRunAsync("No batch", plannedFault: "CONNECTOR-2001-500");
            var host = new RecordingHost();

            await new GetFailedRecordOperation(_world.Client).RunAsync(new FailedRecordQuery { RunId = finished.Id }, host);

            host.AssertNoErrors();
            Assert.Empty(host.Objects);
            Assert.StartsWith("Run " + finished.Id + " (", Assert.Single(host.Verbose));
        }

        [Fact]
        public async Task Get_Batch_lists_a_datasets_batches_newest_first_with_the_listings_own_filters()
        {
            using var client = TestPlatform.NewClient(_world.Engine, clock: _world.Clock, wrap: _wire.Around);
            _wire.Answer(
                Catalog + "/batches?dataSet=ds-1&orderBy=desc:created&status=success&createdAfter=1700000000000&limit=100&start=0",
                Keyed((BatchId, Batch("ds-1", "f-1", "r-1", "success", 1_790_000_000_000)), ("01JOLDER", Batch("ds-1", "f-2", "r-2", "success", 1_780_000_000_000))));
            var host = new RecordingHost();

            await new GetBatchOperation(client).RunAsync(new BatchQuery { DatasetId = "ds-1", Status = "success", Since = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000) }, host);

            host.AssertNoErrors();
            var batches = host.Objects.Select(o => Assert.IsType<Batch>(o.Value)).ToList();
            Assert.Equal(new[] { BatchId, "01JOLDER" }, batches.Select(b => b.Id));
            var batch = batches[0];
            Assert.Equal(("success", "ds-1", "f-1", "r-1"), (batch.Status, batch.DatasetId, batch.FlowId, batch.RunId));
            Assert.Equal((10L, 8L, 2L), (batch.RecordsRead!.Value, batch.RecordsWritten!.Value, batch.RecordsFailed!.Value));
            Assert.Equal("MAPPER-3700-400: Not an email. (2 records)", batch.Errors.ToString());
            Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_790_000_000_000), batch.CreatedAt);
            Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_790_000_002_000), batch.CompletedAt);
        }

        [Fact]
        public async Task Get_Batch_of_a_run_reads_the_batch_its_activities_name_and_applies_the_filters_to_it()
        {
            var (_, finished) = await FinishedRunAsync("Run batch");
            using var client = ClientWithPartialRun(finished);
            _wire.Answer(Catalog + "/batches/" + BatchId, Keyed((BatchId, Batch("ds-1", "f-1", finished.Id, "success", 1_790_000_000_000))));
            var found = new RecordingHost();
            var filteredOut = new RecordingHost();

            await new GetBatchOperation(client).RunAsync(new BatchQuery { RunId = finished.Id }, found);
            await new GetBatchOperation(client).RunAsync(new BatchQuery { RunId = finished.Id, Status = "failed" }, filteredOut);

            Assert.Equal(BatchId, LifecycleWorld.Only<Batch>(found).Id);
            filteredOut.AssertNoErrors();
            Assert.Empty(filteredOut.Objects);
        }

        [Fact]
        public async Task Get_Batch_of_a_flow_keeps_the_batches_of_its_dataset_that_it_wrote()
        {
            var (flow, _) = await FinishedRunAsync("Flow batches");
            var datasetId = (await _world.Client.FlowService.TargetConnections.GetAsync(flow.TargetConnectionIds[0])).DatasetId!;
            using var client = TestPlatform.NewClient(_world.Engine, clock: _world.Clock, wrap: _wire.Around);
            _wire.Answer(
                Catalog + "/batches?dataSet=" + datasetId + "&orderBy=desc:created&limit=100&start=0",
                Keyed((BatchId, Batch(datasetId, flow.Id, "r-1", "success", 1_790_000_000_000)), ("01JOTHERFLOW", Batch(datasetId, "another-flow", "r-2", "success", 1_780_000_000_000))));
            var host = new RecordingHost();

            await new GetBatchOperation(client).RunAsync(new BatchQuery { FlowId = flow.Id }, host);

            Assert.Equal(BatchId, LifecycleWorld.Only<Batch>(host).Id);
        }

        [Fact]
        public async Task Get_DatasetRecord_of_a_batch_keeps_the_preview_records_it_wrote_and_First_stops_there()
        {
            using var client = TestPlatform.NewClient(_world.Engine, clock: _world.Clock, wrap: _wire.Around);
            JsonObject Record(string email, string batchId) => new JsonObject
            {
                ["personalEmail"] = new JsonObject { ["address"] = email },
                ["_acp_system_metadata"] = new JsonObject { ["acp_sourceBatchId"] = batchId, ["ingestTime"] = 1_790_000_000_000 },
            };
            _wire.Answer(Catalog + "/batches/" + BatchId, Keyed((BatchId, Batch("ds-1", "f-1", "r-1", "success", 1_790_000_000_000))))
                .Answer(Export + "/datasets/ds-1/preview", new JsonObject { ["data"] = new JsonArray(Record("a@b.example", BatchId), Record("old@b.example", "01JOLDER"), Record("c@d.example", BatchId), Record("e@f.example", BatchId)) }.ToJsonString());
            var ofBatch = new RecordingHost();
            var ofDataset = new RecordingHost();

            await new GetDatasetRecordOperation(client).RunAsync(new DatasetRecordQuery { BatchId = BatchId, First = 2 }, ofBatch);
            await new GetDatasetRecordOperation(client).RunAsync(new DatasetRecordQuery { DatasetId = "ds-1" }, ofDataset);

            Assert.Equal(new[] { "a@b.example", "c@d.example" }, ofBatch.Objects.Select(o => (string?)((JsonObject)o.Value)["personalEmail"]!["address"]));
            Assert.Equal(4, ofDataset.Objects.Count);
        }

        [Fact]
        public async Task A_preview_row_error_keeps_the_platforms_code_as_its_error_id()
        {
            var flow = await _world.NewFlowAsync("Rehearsed");
            var mappingSet = await _world.Client.DataPrep.GetMappingSetAsync(flow.MappingSetId!, null);
            using var client = TestPlatform.NewClient(_world.Engine, clock: _world.Clock, wrap: emulator => new AnswerRewriter(emulator, "POST", "/mappingSets/preview", answer =>
            {
                answer["errors"] = new JsonArray(new JsonObject
                {
                    ["source"] = "Email",
                    ["destination"] = "personalEmail.address",
                    ["sourceType"] = "ATTRIBUTE",
                    ["errorCode"] = "MAPPER-3700-400",
                    ["exception"] = "personalEmail.address: 'not-an-email' is not an email.",
                    ["row"] = 0,
                });
                return answer;
            }));
            var host = new RecordingHost();

            await new TestMappingSetOperation(client).RunAsync(new MappingSetTestInput { MappingSetId = mappingSet.Id, Sample = new[] { new JsonObject { ["Email"] = "not-an-email" } } }, host);

            var error = Assert.Single(host.Errors);
            Assert.Equal("MAPPER-3700-400", error.ErrorId);
            Assert.EndsWith("MAPPER-3700-400: personalEmail.address: 'not-an-email' is not an email.", error.Message);
        }

        [Theory]
        [InlineData(0.0, true)]
        [InlineData(-5.0, true)]
        [InlineData(2.5, false)]
        public async Task A_partial_ingestion_threshold_is_checked_against_the_flow_specs_option_spec(double percent, bool refused)
        {
            var spec = await _world.Client.FlowService.GetFlowSpecAsync(WellKnown.CrmToAepFlowSpecId);
            var request = new DataflowRequest
            {
                Name = "Threshold",
                FlowSpec = new SpecReference(spec.Id, "1.0"),
                ScheduleParams = ScheduleParams.Of("once", null, _world.Clock.GetUtcNow(), null),
                Options = new DataflowOptions { PartialIngestionPercent = percent },
            };

            var problems = PlatformFlow.Client.Validation.DataflowPreflight.CheckAgainstSpec(request, spec);

            Assert.Equal(refused, problems.Any(p => p.Contains("partialIngestionPercent")));
        }

        [Theory]
        [InlineData(RunStatus.InProgress, "IN_PROGRESS")]
        [InlineData(RunStatus.PartialSuccess, "PARTIAL_SUCCESS")]
        [InlineData(RunStatus.Failed, "FAILED")]
        public void A_status_is_sent_in_the_platforms_spelling(RunStatus status, string platformName) =>
            Assert.Equal(platformName, status.PlatformName());

        [Fact]
        public void A_list_or_a_bag_reads_as_short_text_however_long_it_is()
        {
            var errors = new ValueList<RunError>(Enumerable.Range(0, 50).Select(i => new RunError { Code = "MAPPER-3700-400", Message = "Record " + i + " has no valid email address." }));
            var bag = PropertyBag.From(new JsonObject { ["long"] = new string('x', 1000) })!;

            Assert.Equal(PlainValue.MaxText, errors.ToString().Length);
            Assert.EndsWith("…", errors.ToString());
            Assert.Equal(PlainValue.MaxText, bag.ToString().Length);
            Assert.Equal("a, b", new ValueList<string>(new[] { "a", "b" }).ToString());
        }
    }
}
