using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using PlatformFlow.Emulator.FlowService;
using PlatformFlow.Emulator.SourceData;
using Xunit;
using static PlatformFlow.Tests.Emulator.FlowService.FlowServiceTestBed;
using static PlatformFlow.Tests.Emulator.Ingestion.IngestionBed;

namespace PlatformFlow.Tests.Emulator.Ingestion
{
    /// <summary>Runs that execute: the source record sets, mapping and validation per record, the threshold, batches and Data Access.</summary>
    public sealed class IngestionTests
    {
        private static SourceRecordSet Orders => SourceRecordSets.For(ShopifySpecId, "Shopify.Orders")!;

        [Fact]
        public void The_documented_table_sizes_and_imperfection_counts_are_the_generators()
        {
            var doc = File.ReadAllText(Path.Combine(ContractFiles.RepositoryRoot, "docs", "emulator.md"));
            var sizes = Regex.Matches(doc, @"^\| `(Shopify\.\w+)` \| ([\d,]+) \| `0x[0-9A-F]+` \|", RegexOptions.Multiline)
                .Select(m => m.Groups[1].Value + " " + m.Groups[2].Value.Replace(",", string.Empty)).OrderBy(t => t, StringComparer.Ordinal).ToList();
            var counts = Regex.Matches(doc, @"^\| `(Shopify\.\w+)` \| `(\w+)` \| ([a-zA-Z -]+?) \| (\d+) \|", RegexOptions.Multiline)
                .Select(m => m.Groups[1].Value + " " + m.Groups[2].Value + " " + m.Groups[3].Value + " " + m.Groups[4].Value).OrderBy(t => t, StringComparer.Ordinal).ToList();
            var tables = new[] { "Shopify.Orders", "Shopify.Customers", "Shopify.Products" }.Select(t => SourceRecordSets.For(ShopifySpecId, t)!).ToList();

            var generated = tables.SelectMany(t => t.Imperfections.GroupBy(i => (i.Column, i.Kind)).Select(g => t.Table + " " + g.Key.Column + " " + g.Key.Kind + " " + g.Count()))
                .OrderBy(t => t, StringComparer.Ordinal).ToList();
            Assert.Equal(tables.Select(t => t.Table + " " + t.Records.Count).OrderBy(t => t, StringComparer.Ordinal), sizes);
            Assert.Equal(new[] { 1000, 800, 200 }, tables.Select(t => t.Records.Count));
            Assert.True(generated.SequenceEqual(counts), "docs/emulator.md should list:\n" + string.Join("\n", generated));
        }

        [Fact]
        public void A_tables_first_records_are_its_explore_preview_rows_and_the_set_is_the_same_every_time()
        {
            var preview = ((JsonArray)SpecCatalog.Instance.Table(ShopifySpecId, "Shopify.Orders")!["preview"]!).Select(r => r!.ToJsonString());

            Assert.Equal(preview, Orders.Records.Take(5).Select(r => r.ToJsonString()));
            Assert.Same(Orders, SourceRecordSets.For(ShopifySpecId, "Shopify.Orders"));
            Assert.Contains(Orders.Records, r => ((string?)r["Shipping_Address_City"])?.Any(c => c > 127) == true);
        }

        [Fact]
        public async Task A_mapping_of_clean_columns_runs_SUCCESS_with_every_record_landed()
        {
            using var bed = new IngestionBed();
            var mappingId = await bed.CreateMappingSet(("Shipping_Address_City", "homeAddress.region"), ("Currency", "homeAddress.label"));

            var run = await bed.RunOnce("Shopify.Orders", mappingId);

            Assert.Equal(RunStatus.Success, Status(run));
            Assert.Equal((1000L, 1000L, 0L), (Count(run, "inputRecordCount"), Count(run, "outputRecordCount"), Count(run, "failedRecordCount")));
            var files = (await bed.Bed.Get(Export + "/batches/" + BatchId(run) + "/files")).Body!;
            Assert.Equal("1000", (string)files["data"]![0]!["records"]!);
            Assert.Empty((await bed.Bed.Get(Export + "/batches/" + BatchId(run) + "/failed")).Body!["data"]!.AsArray());
        }

        [Fact]
        public async Task Email_to_personalEmail_address_fails_exactly_the_records_with_malformed_emails()
        {
            using var bed = new IngestionBed();
            var mappingId = await bed.CreateMappingSet(("Email", "personalEmail.address"));

            var run = await bed.RunOnce("Shopify.Orders", mappingId, columns: new[] { "Email", "Phone" });
            var rowErrors = await bed.RowErrors(BatchId(run));

            var malformed = Orders.RowsWith("Email", ImperfectionKinds.MalformedEmail);
            Assert.NotEmpty(malformed);
            Assert.Equal(RunStatus.PartialSuccess, Status(run));
            Assert.Equal(Count(run, "inputRecordCount"), Count(run, "outputRecordCount") + Count(run, "failedRecordCount"));
            Assert.Equal(malformed, rowErrors.Select(l => (int)l["_row"]!));
            Assert.All(rowErrors, l =>
            {
                var error = Assert.Single(l["_errors"]!.AsArray())!;
                Assert.Equal(("INGEST-1401-400", "personalEmail.address"), ((string)error["code"]!, (string)error["field"]!));
                Assert.Contains("personalEmail.address", (string)error["message"]!);
                Assert.Equal(new[] { "Email", "Phone" }, JsonNode.Parse((string)l["_corrupt_record"]!)!.AsObject().Select(p => p.Key));
                Assert.Equal("Shopify.Orders", (string)l["_filename"]!);
            });
            var summary = Assert.Single(run["metrics"]!["statusSummary"]!["errors"]!.AsArray())!;
            Assert.Equal(malformed.Count, (int)summary["recordCount"]!);
        }

        [Fact]
        public async Task A_calculated_field_that_fails_on_the_names_gives_MAPPER_errors()
        {
            using var bed = new IngestionBed();
            var mappingId = await bed.CreateMappingSet(("=to_integer(First_Name)", "person.name.firstName"));

            var run = await bed.RunOnce("Shopify.Customers", mappingId);

            Assert.Contains(Status(run), new[] { RunStatus.Failed, RunStatus.PartialSuccess });
            var error = Assert.Single(run["metrics"]!["statusSummary"]!["errors"]!.AsArray())!;
            Assert.StartsWith("MAPPER-", (string)error["code"]!);
            Assert.Contains("person.name.firstName", (string)error["message"]!);
            var customers = SourceRecordSets.For(ShopifySpecId, "Shopify.Customers")!;
            Assert.Equal(customers.Records.Count - customers.RowsWith("First_Name", ImperfectionKinds.Empty).Count, (int)error["recordCount"]!);
        }

        [Theory]
        [InlineData("{ \"partialIngestionPercent\": 1 }", RunStatus.Failed)]
        [InlineData("{ \"partialIngestionPercent\": 50, \"errorDiagnosticsEnabled\": true }", RunStatus.PartialSuccess)]
        public async Task The_flows_partial_ingestion_threshold_decides_whether_anything_lands(string options, string expected)
        {
            using var bed = new IngestionBed();
            var mappingId = await bed.CreateMappingSet(("Email", "personalEmail.address"));

            var run = await bed.RunOnce("Shopify.Orders", mappingId, options: options);
            var batch = (await bed.Bed.Get(CatalogPath + "/batches/" + BatchId(run))).Body![BatchId(run)]!;

            Assert.Equal(expected, Status(run));
            var landed = expected == RunStatus.Failed ? 0 : 1000 - Orders.RowsWith("Email", ImperfectionKinds.MalformedEmail).Count;
            Assert.Equal(landed, Count(run, "outputRecordCount"));
            Assert.Equal(Orders.RowsWith("Email", ImperfectionKinds.MalformedEmail).Count, Count(run, "failedRecordCount"));
            Assert.Equal(expected == RunStatus.Failed ? "failed" : "success", (string)batch["status"]!);
            Assert.Equal(landed, (long)batch["recordCount"]!);
        }

        [Theory]
        [InlineData("{ \"partialIngestionPercent\": 0 }")]
        [InlineData("{ \"partialIngestionPercent\": \"many\" }")]
        [InlineData("{ \"errorDiagnosticsEnabled\": 3 }")]
        public async Task Options_the_flow_specs_optionSpec_refuses_are_a_400(string options)
        {
            using var bed = new IngestionBed();
            var mappingId = await bed.CreateMappingSet(("Email", "personalEmail.address"));

            (await bed.PostFlow("Shopify.Orders", mappingId, options: options)).AssertFlowError(HttpStatusCode.BadRequest, "1470-400");
        }

        [Fact]
        public async Task A_patch_of_the_flows_options_is_checked_against_the_optionSpec_too()
        {
            using var bed = new IngestionBed();
            var flowId = await bed.CreateFlow("Shopify.Orders", await bed.CreateMappingSet(("Email", "personalEmail.address")));
            var etag = (string)(await bed.Bed.GetItem(Flow + "/flows/" + flowId))["etag"]!;

            var refused = await bed.Bed.Patch(Flow + "/flows/" + flowId, JsonNode.Parse(@"[{""op"": ""add"", ""path"": ""/options"", ""value"": {""partialIngestionPercent"": -5}}]")!, etag);
            var accepted = await bed.Bed.Patch(Flow + "/flows/" + flowId, JsonNode.Parse(@"[{""op"": ""add"", ""path"": ""/options"", ""value"": {""partialIngestionPercent"": 5}}]")!, etag);

            refused.AssertFlowError(HttpStatusCode.BadRequest, "1470-400");
            Assert.Equal(HttpStatusCode.OK, accepted.Status);
            Assert.Equal(5, (int)(await bed.Bed.GetItem(Flow + "/flows/" + flowId))["options"]!["partialIngestionPercent"]!);
        }

        [Fact]
        public async Task A_later_scheduled_run_reads_only_the_records_that_changed_in_its_window()
        {
            using var bed = new IngestionBed();
            var mappingId = await bed.CreateMappingSet(("Currency", "homeAddress.label"));
            var start = bed.Bed.NowSeconds + 60;
            var flowId = await bed.CreateFlow("Shopify.Orders", mappingId, schedule: @"{ ""startTime"": " + start + @", ""frequency"": ""hour"", ""interval"": 1 }");

            bed.Bed.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(5));
            var runs = (await bed.Bed.Get(Flow + "/runs?property=flowId==" + flowId)).Body!["items"]!.AsArray().OrderBy(r => (long)r!["createdAt"]!).ToList();

            Assert.Equal(2, runs.Count);
            Assert.Equal(1000, Count(runs[0]!, "inputRecordCount"));
            var window = runs[1]!["params"]!;
            var changed = Enumerable.Range(0, 1000).Count(i => RecordWindow.Changed(i, 1000, start, (long)window["windowStartTime"]!, (long)window["windowEndTime"]!));
            Assert.InRange(changed, 41, 42);
            Assert.Equal(changed, Count(runs[1]!, "inputRecordCount"));
            Assert.Equal(RunStatus.Success, Status(runs[1]!));
        }

        [Fact]
        public async Task A_run_applies_the_mapping_set_version_its_flow_pins()
        {
            using var bed = new IngestionBed();
            var mappingId = await bed.CreateMappingSet(("Email", "personalEmail.address"));
            await bed.Bed.Send(System.Net.Http.HttpMethod.Put, "/data/foundation/conversion/mappingSets/" + mappingId, MappingSetBody(bed.SchemaId, ("Currency", "homeAddress.label")).ToJsonString());

            var pinnedToFirst = await bed.RunOnce("Shopify.Orders", mappingId, mappingVersion: 0);
            var pinnedToSecond = await bed.RunOnce("Shopify.Orders", mappingId, mappingVersion: 1);

            Assert.Equal((RunStatus.PartialSuccess, RunStatus.Success), (Status(pinnedToFirst), Status(pinnedToSecond)));
        }

        [Fact]
        public async Task A_preview_of_a_failed_record_gives_the_code_and_message_its_run_gave()
        {
            using var bed = new IngestionBed();
            var mappingId = await bed.CreateMappingSet(("Email", "personalEmail.address"), ("=to_integer(Total_Price)", "person.birthYear"));
            var run = await bed.RunOnce("Shopify.Orders", mappingId);
            var failed = (await bed.RowErrors(BatchId(run))).First(l => l["_errors"]!.AsArray().Count == 2);

            var preview = await bed.Bed.Post("/data/foundation/conversion/mappingSets/preview", new JsonObject
            {
                ["data"] = JsonNode.Parse((string)failed["_corrupt_record"]!),
                ["mappingSet"] = MappingSetBody(bed.SchemaId, ("Email", "personalEmail.address"), ("=to_integer(Total_Price)", "person.birthYear")),
            });

            var expected = failed["_errors"]!.AsArray().Select(e => ((string)e!["code"]!, (string)e["message"]!, (string)e["field"]!));
            var actual = preview.Body!["errors"]!.AsArray().Select(e => ((string)e!["errorCode"]!, (string)e["exception"]!, (string)e["destination"]!));
            Assert.Equal(expected.OrderBy(e => e.Item1), actual.OrderBy(e => e.Item1));
        }

        [Fact]
        public async Task Batches_row_errors_and_the_dataset_preview_show_what_the_run_did()
        {
            using var bed = new IngestionBed();
            var mappingId = await bed.CreateMappingSet(("Email", "personalEmail.address"));
            var run = await bed.RunOnce("Shopify.Orders", mappingId);
            var batchId = BatchId(run);

            var listing = (await bed.Bed.Get(CatalogPath + "/batches?dataSet=" + bed.DataSetId + "&status=SUCCESS&orderBy=desc:created&limit=5")).Body!.AsObject();
            var none = (await bed.Bed.Get(CatalogPath + "/batches?dataSet=" + bed.DataSetId + "&createdAfter=" + (long)listing[batchId]!["created"]!)).Body!.AsObject();
            var failedFiles = (await bed.Bed.Get(Export + "/batches/" + batchId + "/failed")).Body!["data"]!.AsArray();
            var sample = (await bed.Bed.Get(Export + "/batches/" + batchId + "/meta?path=row_errors_sample.json")).Body!["data"]!.AsArray();
            var preview = (await bed.Bed.Get(Export + "/datasets/" + bed.DataSetId + "/preview")).Body!["data"]!.AsArray();
            var unknown = await bed.Bed.Get(Export + "/batches/01ABCDEFGHJKMNPQRSTVWXYZ00/files");
            var badPath = await bed.Bed.Get(Export + "/batches/" + batchId + "/meta?path=row_errors/part-00009.json");

            var batch = Assert.Single(listing).Value!;
            Assert.Equal(batchId, Assert.Single(listing).Key);
            Assert.Equal(run["flowId"]!.ToJsonString(), batch["tags"]!["flowId"]![0]!.ToJsonString());
            Assert.Equal((string)run["id"]!, (string)batch["externalId"]!);
            Assert.Equal(bed.DataSetId, (string)batch["relatedObjects"]![0]!["id"]!);
            Assert.Empty(none);
            Assert.Equal("Shopify.Orders", (string)Assert.Single(failedFiles)!["name"]!);
            Assert.Equal(10, sample.Count);
            Assert.Equal(100, preview.Count);
            Assert.All(preview, r => Assert.Equal(batchId, (string)r!["_acp_system_metadata"]!["acp_sourceBatchId"]!));
            Assert.Equal((string)Orders.Records[0]["Email"]!, (string)preview[0]!["personalEmail"]!["address"]!);
            Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (unknown.Status, badPath.Status));
            Assert.EndsWith("DAS-5001-404", (string)unknown.Body!["type"]!);
        }

        [Fact]
        public async Task Runs_filter_on_their_status_in_any_case_and_on_when_they_started()
        {
            using var bed = new IngestionBed();
            var mappingId = await bed.CreateMappingSet(("Email", "personalEmail.address"));
            var run = await bed.RunOnce("Shopify.Orders", mappingId);
            var started = (long)run["metrics"]!["durationSummary"]!["startedAtUTC"]!;

            var partial = (await bed.Bed.Get(Flow + "/runs?property=metrics.statusSummary.status==partial_success,FAILED")).Body!["items"]!.AsArray();
            var success = (await bed.Bed.Get(Flow + "/runs?property=metrics.statusSummary.status==success")).Body!["items"]!.AsArray();
            var since = (await bed.Bed.Get(Flow + "/runs?property=metrics.durationSummary.startedAtUTC>" + (started - 1))).Body!["items"]!.AsArray();
            var after = (await bed.Bed.Get(Flow + "/runs?property=metrics.durationSummary.startedAtUTC>" + started)).Body!["items"]!.AsArray();

            Assert.Equal((string)run["id"]!, (string)Assert.Single(partial)!["id"]!);
            Assert.Empty(success);
            Assert.Single(since);
            Assert.Empty(after);
        }

        [Fact]
        public void A_later_run_reads_the_records_that_changed_in_its_window()
        {
            var anchor = 1_700_000_000L;
            Func<long, long, int> read = (start, end) => Enumerable.Range(0, 1000).Count(i => RecordWindow.Changed(i, 1000, anchor, start, end));

            Assert.Equal(1000, read(anchor, anchor + 86400));
            Assert.Equal(42, read(anchor + 3600, anchor + 7200));
            Assert.Equal(1000, Enumerable.Range(0, 24).Sum(h => read(anchor + (h * 3600), anchor + ((h + 1) * 3600))));
            Assert.Equal(0, read(anchor + 10, anchor + 10));
        }
    }
}
