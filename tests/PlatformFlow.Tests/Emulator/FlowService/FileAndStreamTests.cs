using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using PlatformFlow.Emulator.Engine;
using PlatformFlow.Emulator.FlowService;
using PlatformFlow.Emulator.SourceData;
using Xunit;
using static PlatformFlow.Tests.Emulator.FlowService.FlowServiceTestBed;

namespace PlatformFlow.Tests.Emulator.FlowService
{
    /// <summary>File sources (cloud storage, the Data Landing Zone) and streaming inlets (HTTP API), on the emulator's wire.</summary>
    public sealed class FileAndStreamTests
    {
        private const string LandingZoneSpecId = "26f526f2-58f4-4712-961d-e41bf1ccc0e8";
        private const string HttpApiSpecId = "bc7b00d6-623a-4dfc-9fdb-f1240aeadaeb";
        private const string CloudStorageToAepId = "9753525b-82c7-4dce-8a9b-5ccfce2b9876";
        private const string StreamingWithMappingId = "c1a19761-d2c7-4702-b9fa-fe91f0613e81";
        private const string CustomersFile = "/acme/customers/customers.csv";

        private static readonly TimeSpan RunLength = new EmulatorOptions().RunQueuedFor + new EmulatorOptions().RunDuration;

        [Fact]
        public async Task Exploring_a_bucket_walks_folders_to_files_and_describes_a_file_as_its_format()
        {
            using var bed = new FlowServiceTestBed();
            var explore = Flow + "/connections/" + await bed.Create(Flow + "/connections", S3ConnectionBody()) + "/explore";

            var root = (await bed.Get(explore + "?objectType=root")).Body!.AsArray();
            var folder = (await bed.Get(explore + "?objectType=folder&object=/acme/customers")).Body!.AsArray();
            var file = (await bed.Get(explore + "?objectType=file&object=" + CustomersFile + "&fileType=delimited&preview=true")).Body!;

            Assert.Equal("folder acme /acme", string.Join(";", root.Select(Entry)));
            Assert.Equal("file customers.csv " + CustomersFile, string.Join(";", folder.Select(Entry)));
            Assert.Contains("Email", file["schema"]!["columns"]!.AsArray().Select(c => (string)c!["name"]!));
            Assert.NotEmpty(file["data"]!.AsArray());
        }

        [Theory]
        [InlineData("?objectType=file&object=" + CustomersFile + "&fileType=json", HttpStatusCode.BadRequest, "1451-400", "delimited")]
        [InlineData("?objectType=file&object=/acme/none.csv&fileType=delimited", HttpStatusCode.NotFound, "1478-404", "/acme/none.csv")]
        [InlineData("?objectType=folder&object=/nowhere", HttpStatusCode.NotFound, "1478-404", "/nowhere")]
        [InlineData("?objectType=table&object=Shopify.Orders", HttpStatusCode.BadRequest, "1451-400", "root, folder or file")]
        public async Task Exploring_what_a_bucket_does_not_hold_is_refused_saying_what_it_does(string query, HttpStatusCode status, string code, string named)
        {
            using var bed = new FlowServiceTestBed();
            var id = await bed.Create(Flow + "/connections", S3ConnectionBody());

            var answer = await bed.Get(Flow + "/connections/" + id + "/explore" + query);

            Assert.Contains(named, answer.AssertFlowError(status, code));
        }

        [Fact]
        public async Task The_landing_zone_is_explored_through_its_connection_spec_and_a_source_with_credentials_is_not()
        {
            using var bed = new FlowServiceTestBed();

            var files = (await bed.Get(Flow + "/connectionSpecs/" + LandingZoneSpecId + "/explore?objectType=folder&object=/acme/orders")).Body!.AsArray();
            var s3 = await bed.Get(Flow + "/connectionSpecs/" + AmazonS3SpecId + "/explore?objectType=root");

            Assert.Equal("file orders-2026-12.json /acme/orders/orders-2026-12.json", string.Join(";", files.Select(Entry)));
            Assert.Contains("base connection", s3.AssertFlowError(HttpStatusCode.BadRequest, "1434-400"));
        }

        [Fact]
        public async Task A_file_flow_run_reads_the_records_of_the_table_the_file_holds_and_fails_its_malformed_emails()
        {
            using var bed = new FlowServiceTestBed();
            var schemaId = await bed.CreateSchema();
            var sourceId = await bed.Create(Flow + "/sourceConnections", Json(@"{ ""name"": ""Customers file"", ""data"": { ""format"": ""delimited"" },
                ""params"": { ""path"": """ + CustomersFile + @""" }, ""connectionSpec"": { ""id"": """ + LandingZoneSpecId + @""", ""version"": ""1.0"" } }"));
            var targetId = await bed.Create(Flow + "/targetConnections", TargetConnectionBody(schemaId, await bed.CreateDataSet(schemaId)));
            var mappingId = await EmailMappingAsync(bed, schemaId, "Email");
            var flowId = await bed.Create(Flow + "/flows", FileFlowBody(sourceId, targetId, mappingId, @"{ ""startTime"": """ + bed.NowSeconds + @""", ""frequency"": ""once"" }"));

            bed.Clock.Advance(RunLength);
            var run = (await bed.Get(Flow + "/runs?property=flowId==" + flowId)).Body!["items"]![0]!;

            var table = SourceRecordSets.For(ShopifySpecId, "Shopify.Customers")!;
            var summary = run["metrics"]!["recordSummary"]!;
            Assert.Equal(table.Records.Count, (long)summary["inputRecordCount"]!);
            Assert.True((long)summary["failedRecordCount"]! > 0);
            Assert.Equal(RunStatus.PartialSuccess, (string)run["metrics"]!["statusSummary"]!["status"]!);
        }

        [Theory]
        [InlineData(@"{ ""startTime"": ""1900000000"", ""frequency"": ""minute"", ""interval"": 5 }", CloudStorageToAepId, "minimum")]
        [InlineData(@"{ ""startTime"": ""1900000000"", ""frequency"": ""once"" }", StreamingWithMappingId, "no scheduleSpec")]
        public async Task A_flow_whose_schedule_its_spec_refuses_is_400(string schedule, string flowSpecId, string named)
        {
            using var bed = new FlowServiceTestBed();
            var schemaId = await bed.CreateSchema();
            var connection = flowSpecId == CloudStorageToAepId
                ? await bed.Create(Flow + "/connections", S3ConnectionBody())
                : await bed.Create(Flow + "/connections", HttpConnectionBody(false));
            var sourceId = await bed.Create(Flow + "/sourceConnections", Json(@"{ ""name"": ""Source"", ""baseConnectionId"": """ + connection + @""", ""data"": { ""format"": ""delimited"" },
                ""params"": { " + (flowSpecId == CloudStorageToAepId ? @"""path"": """ + CustomersFile + @"""" : string.Empty) + @" },
                ""connectionSpec"": { ""id"": """ + (flowSpecId == CloudStorageToAepId ? AmazonS3SpecId : HttpApiSpecId) + @""", ""version"": ""1.0"" } }"));
            var targetId = await bed.Create(Flow + "/targetConnections", TargetConnectionBody(schemaId, await bed.CreateDataSet(schemaId)));
            var body = FileFlowBody(sourceId, targetId, await EmailMappingAsync(bed, schemaId, "Email"), schedule);
            body["flowSpec"]!["id"] = flowSpecId;

            var answer = await bed.Post(Flow + "/flows", body);

            Assert.Contains(named, answer.AssertFlowError(HttpStatusCode.BadRequest, "1474-400"));
        }

        [Fact]
        public async Task A_streaming_inlet_takes_a_batch_into_the_flows_run_and_refuses_a_record_with_no_fields()
        {
            using var bed = new FlowServiceTestBed();
            var (flowId, inletUrl) = await StreamingFlowAsync(bed);

            var answer = await PostMessagesAsync(bed, new Uri(inletUrl).AbsolutePath.Replace("/collection/", "/collection/batch/"), flowId,
                Record("mia@example.com"), Record("noah@nowhere"), new JsonObject());
            bed.Clock.Advance(RunLength);
            var runs = (await bed.Get(Flow + "/runs?property=flowId==" + flowId)).Body!["items"]!.AsArray();

            Assert.Equal((HttpStatusCode)207, answer.Status);
            var responses = answer.Body!["responses"]!.AsArray();
            Assert.Equal(new[] { null, null, "The message's record has no fields." }, responses.Select(r => (string?)r!["message"]));
            var summary = Assert.Single(runs)!["metrics"]!["recordSummary"]!;
            Assert.Equal(2, (long)summary["inputRecordCount"]!);
            Assert.Equal(1, (long)summary["failedRecordCount"]!);
        }

        [Theory]
        [InlineData(null, HttpStatusCode.BadRequest, "1101-400")]
        [InlineData("3f0d9b9e-0000-0000-0000-000000000000", HttpStatusCode.BadRequest, "1102-400")]
        public async Task An_inlet_refuses_a_request_that_names_no_flow_or_another_flow(string? flowId, HttpStatusCode status, string code)
        {
            using var bed = new FlowServiceTestBed();
            var (_, inletUrl) = await StreamingFlowAsync(bed);

            var answer = await PostMessagesAsync(bed, new Uri(inletUrl).AbsolutePath.Replace("/collection/", "/collection/batch/"), flowId, Record("mia@example.com"));

            Assert.Equal(status, answer.Status);
            Assert.EndsWith("STREAM-" + code, (string)answer.Body!["type"]!);
        }

        [Theory]
        [InlineData(false, HttpStatusCode.OK)]
        [InlineData(true, HttpStatusCode.Unauthorized)]
        public async Task An_inlet_takes_a_message_without_a_token_unless_its_connection_requires_authentication(bool authenticationRequired, HttpStatusCode status)
        {
            using var bed = new FlowServiceTestBed();
            var (flowId, inletUrl) = await StreamingFlowAsync(bed, authenticationRequired);
            using var anonymous = new HttpClient(new EmulatorHttpMessageHandler(bed.Engine)) { BaseAddress = new Uri("https://platform.adobe.io") };
            anonymous.DefaultRequestHeaders.Add("x-sandbox-name", "prod");
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(inletUrl).AbsolutePath)
            {
                Content = new StringContent(new JsonObject { ["header"] = new JsonObject(), ["body"] = Record("mia@example.com") }.ToJsonString(), Encoding.UTF8, "application/json"),
            };
            request.Headers.TryAddWithoutValidation("x-adobe-flow-id", flowId);

            using var response = await anonymous.SendAsync(request);
            var signedIn = await PostMessagesAsync(bed, new Uri(inletUrl).AbsolutePath.Replace("/collection/", "/collection/batch/"), flowId, Record("noah@example.com"));

            Assert.Equal(status, response.StatusCode);
            Assert.Equal((HttpStatusCode)207, signedIn.Status);
        }

        [Fact]
        public async Task A_delimited_file_is_explored_and_read_as_text_and_its_run_converts_it_through_the_mapping()
        {
            using var bed = new FlowServiceTestBed();
            var connectionId = await bed.Create(Flow + "/connections", S3ConnectionBody());

            var csv = (await bed.Get(Flow + "/connections/" + connectionId + "/explore?objectType=file&object=/acme/customers/customers.csv&fileType=delimited&preview=true")).Body!;
            var parquet = (await bed.Get(Flow + "/connections/" + connectionId + "/explore?objectType=file&object=/acme/products/products.parquet&fileType=parquet&preview=true")).Body!;

            Assert.All(csv["schema"]!["columns"]!.AsArray(), c => Assert.Equal("string", (string)c!["type"]!));
            Assert.All(csv["data"]!.AsArray().SelectMany(r => r!.AsObject()), f => Assert.True(f.Value is null || f.Value.GetValueKind() == JsonValueKind.String, f.Key + " is " + f.Value));
            Assert.Contains(parquet["schema"]!["columns"]!.AsArray(), c => (string)c!["type"]! != "string");
        }

        [Fact]
        public async Task The_landing_zone_and_its_credentials_answer_as_the_guide_shows_and_the_token_stays_the_same()
        {
            using var bed = new FlowServiceTestBed();

            var zone = (await bed.Get("/data/foundation/connectors/landingzone?type=user_drop_zone")).Body!;
            var first = (await bed.Get("/data/foundation/connectors/landingzone/credentials?type=user_drop_zone")).Body!;
            var second = (await bed.Get("/data/foundation/connectors/landingzone/credentials?type=user_drop_zone")).Body!;
            var wrongType = await bed.Get("/data/foundation/connectors/landingzone?type=dlz_destination");

            Assert.Equal("dlz-user-container", (string)zone["containerName"]!);
            Assert.Equal("7", (string)zone["containerTTL"]!);
            Assert.Equal((string)first["SASToken"]!, (string)second["SASToken"]!);
            Assert.StartsWith("https://" + (string)first["storageAccountName"]! + ".blob.core.windows.net/dlz-user-container?", (string)first["SASUri"]!);
            Assert.Equal(HttpStatusCode.BadRequest, wrongType.Status);
        }

        private static string Entry(JsonNode? entry) => entry!["type"] + " " + entry["name"] + " " + entry["path"];

        private static JsonObject S3ConnectionBody() => Json(@"{ ""name"": ""Bucket"", ""connectionSpec"": { ""id"": """ + AmazonS3SpecId + @""", ""version"": ""1.0"" },
            ""auth"": { ""specName"": ""Basic Authentication for S3"", ""params"": { ""s3AccessKey"": ""AKIA"", ""s3SecretKey"": ""secret"" } } }");

        private static JsonObject HttpConnectionBody(bool authenticationRequired) => Json(@"{ ""name"": ""Signups"", ""connectionSpec"": { ""id"": """ + HttpApiSpecId + @""", ""version"": ""1.0"" },
            ""auth"": { ""specName"": ""Streaming Connection"", ""params"": { ""dataType"": ""raw"", ""authenticationRequired"": " + (authenticationRequired ? "true" : "false") + @" } } }");

        private static JsonObject FileFlowBody(string sourceId, string targetId, string mappingId, string schedule)
        {
            var body = FlowBody(sourceId, targetId, mappingId, schedule, "File flow");
            body["flowSpec"]!["id"] = CloudStorageToAepId;
            return body;
        }

        private static JsonObject Record(string email) => new JsonObject { ["email"] = email };

        private static async Task<string> EmailMappingAsync(FlowServiceTestBed bed, string schemaId, string column)
        {
            var answer = await bed.Post("/data/foundation/conversion/mappingSets", Json(@"{ ""version"": 0, ""xdmSchema"": """ + schemaId + @""", ""xdmVersion"": ""1.0"",
                ""mappings"": [ { ""destinationXdmPath"": ""personalEmail.address"", ""sourceAttribute"": """ + column + @""", ""identity"": false, ""version"": 0 } ] }"));
            return (string)answer.Body!["id"]!;
        }

        /// <summary>A raw-data HTTP API connection and its mapped flow (email to personalEmail.address); the flow's id and the inlet's URL.</summary>
        private static async Task<(string FlowId, string InletUrl)> StreamingFlowAsync(FlowServiceTestBed bed, bool authenticationRequired = false)
        {
            var schemaId = await bed.CreateSchema();
            var connectionId = await bed.Create(Flow + "/connections", HttpConnectionBody(authenticationRequired));
            var sourceId = await bed.Create(Flow + "/sourceConnections", Json(@"{ ""name"": ""Signups source"", ""baseConnectionId"": """ + connectionId + @""",
                ""data"": { ""format"": ""json"" }, ""connectionSpec"": { ""id"": """ + HttpApiSpecId + @""", ""version"": ""1.0"" } }"));
            var targetId = await bed.Create(Flow + "/targetConnections", TargetConnectionBody(schemaId, await bed.CreateDataSet(schemaId)));
            var flowId = await bed.Create(Flow + "/flows", Json(@"{ ""name"": ""Signups"", ""flowSpec"": { ""id"": """ + StreamingWithMappingId + @""", ""version"": ""1.0"" },
                ""sourceConnectionIds"": [ """ + sourceId + @""" ], ""targetConnectionIds"": [ """ + targetId + @""" ],
                ""transformations"": [ { ""name"": ""Mapping"", ""params"": { ""mappingId"": """ + await EmailMappingAsync(bed, schemaId, "email") + @""", ""mappingVersion"": 0 } } ] }"));
            var inletUrl = (string)(await bed.GetItem(Flow + "/connections/" + connectionId))["auth"]!["params"]!["inletUrl"]!;
            return (flowId, inletUrl);
        }

        private static async Task<Answer> PostMessagesAsync(FlowServiceTestBed bed, string path, string? flowId, params JsonObject[] records)
        {
            var messages = new JsonArray(records.Select(r => (JsonNode)new JsonObject { ["header"] = new JsonObject { ["flowId"] = flowId }, ["body"] = r }).ToArray());
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(new JsonObject { ["messages"] = messages }.ToJsonString(), Encoding.UTF8, "application/json") };
            if (flowId != null)
            {
                request.Headers.TryAddWithoutValidation("x-adobe-flow-id", flowId);
            }

            using var response = await bed.Client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            return new Answer(response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text), null);
        }
    }
}
