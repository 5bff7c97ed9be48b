using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;
using static PlatformFlow.Tests.Emulator.FlowService.FlowServiceTestBed;

namespace PlatformFlow.Tests.Emulator.FlowService
{
    /// <summary>One failing request per rule the Flow Service enforces: the status, the code, and a message naming the field or id.</summary>
    public sealed class ValidationRuleTests
    {
        [Fact]
        public async Task A_base_connection_needs_a_name()
        {
            using var bed = new FlowServiceTestBed();
            var body = ShopifyConnectionBody();
            body.Remove("name");

            Assert.Contains("name", (await bed.Post(Flow + "/connections", body)).AssertFlowError(HttpStatusCode.BadRequest, "1470-400"));
        }

        [Fact]
        public async Task A_base_connection_needs_a_known_connection_spec()
        {
            using var bed = new FlowServiceTestBed();
            var body = ShopifyConnectionBody();
            body["connectionSpec"]!["id"] = "00000000-0000-0000-0000-000000000000";

            Assert.Contains("00000000-0000-0000-0000-000000000000", (await bed.Post(Flow + "/connections", body)).AssertFlowError(HttpStatusCode.BadRequest, "1413-400"));
        }

        [Fact]
        public async Task A_connection_spec_version_that_does_not_exist_is_refused()
        {
            using var bed = new FlowServiceTestBed();
            var body = ShopifyConnectionBody();
            body["connectionSpec"]!["version"] = "2.0";

            Assert.Contains("connectionSpec.version", (await bed.Post(Flow + "/connections", body)).AssertFlowError(HttpStatusCode.BadRequest, "1413-400"));
        }

        [Fact]
        public async Task The_auth_spec_name_must_be_one_of_the_connection_specs()
        {
            using var bed = new FlowServiceTestBed();
            var body = ShopifyConnectionBody();
            body["auth"]!["specName"] = "OAuth 2";

            Assert.Contains("'OAuth 2'", (await bed.Post(Flow + "/connections", body)).AssertFlowError(HttpStatusCode.BadRequest, "1415-400"));
        }

        [Fact]
        public async Task Auth_params_are_validated_against_the_auth_spec()
        {
            using var bed = new FlowServiceTestBed();
            var body = ShopifyConnectionBody();
            body["auth"]!["params"]!.AsObject().Remove("accessToken");

            Assert.Contains("accessToken", (await bed.Post(Flow + "/connections", body)).AssertFlowError(HttpStatusCode.BadRequest, "1476-400"));
        }

        [Fact]
        public async Task A_source_connection_of_an_authenticating_source_needs_a_base_connection()
        {
            using var bed = new FlowServiceTestBed();
            var body = SourceConnectionBody("x");
            body.Remove("baseConnectionId");

            Assert.Contains("baseConnectionId", (await bed.Post(Flow + "/sourceConnections", body)).AssertFlowError(HttpStatusCode.BadRequest, "1470-400"));
        }

        [Fact]
        public async Task A_source_connections_base_connection_must_exist_in_the_sandbox()
        {
            using var bed = new FlowServiceTestBed();

            var answer = await bed.Post(Flow + "/sourceConnections", SourceConnectionBody("582f4f8d-71e9-4a5c-a164-9d2056318d6c"));

            Assert.Contains("582f4f8d-71e9-4a5c-a164-9d2056318d6c", answer.AssertFlowError(HttpStatusCode.BadRequest, "1471-400"));
        }

        [Fact]
        public async Task A_source_connection_must_use_the_connection_spec_of_its_base_connection()
        {
            using var bed = new FlowServiceTestBed();
            var s3 = await bed.Create(Flow + "/connections", S3ConnectionBody());

            var answer = await bed.Post(Flow + "/sourceConnections", SourceConnectionBody(s3));

            Assert.Contains(AmazonS3SpecId, answer.AssertFlowError(HttpStatusCode.BadRequest, "1472-400"));
        }

        [Fact]
        public async Task A_source_data_format_must_be_one_the_platform_knows()
        {
            using var bed = new FlowServiceTestBed();
            var connection = await bed.Create(Flow + "/connections", ShopifyConnectionBody());
            var body = SourceConnectionBody(connection);
            body["data"]!["format"] = "csv";

            Assert.Contains("data.format", (await bed.Post(Flow + "/sourceConnections", body)).AssertFlowError(HttpStatusCode.BadRequest, "1470-400"));
        }

        [Fact]
        public async Task A_source_table_must_exist_in_the_source()
        {
            using var bed = new FlowServiceTestBed();
            var connection = await bed.Create(Flow + "/connections", ShopifyConnectionBody());

            var answer = await bed.Post(Flow + "/sourceConnections", SourceConnectionBody(connection, "Shopify.Order"));

            Assert.Contains("Shopify.Order", answer.AssertFlowError(HttpStatusCode.BadRequest, "1470-400"));
        }

        [Fact]
        public async Task A_target_dataset_must_exist_in_the_sandbox()
        {
            using var bed = new FlowServiceTestBed();
            var schema = await bed.CreateSchema();

            var answer = await bed.Post(Flow + "/targetConnections", TargetConnectionBody(schema, "5fa9c083de62e418dd170b42"));

            Assert.Contains("5fa9c083de62e418dd170b42", answer.AssertFlowError(HttpStatusCode.BadRequest, "1471-400"));
        }

        [Fact]
        public async Task A_target_schema_must_exist_in_the_sandbox()
        {
            using var bed = new FlowServiceTestBed();
            var schema = await bed.CreateSchema();
            var dataSet = await bed.CreateDataSet(schema);
            const string missing = "https://ns.adobe.com/platformflow/schemas/854ddc36ad2c7bd001f66a4392575ed4004f81883328772f";

            var answer = await bed.Post(Flow + "/targetConnections", TargetConnectionBody(missing, dataSet));

            Assert.Contains(missing, answer.AssertFlowError(HttpStatusCode.BadRequest, "1471-400"));
        }

        [Fact]
        public async Task A_target_schema_must_be_the_one_its_dataset_is_bound_to()
        {
            using var bed = new FlowServiceTestBed();
            var schema = await bed.CreateSchema();
            var other = await bed.CreateSchema("Another schema");
            var dataSet = await bed.CreateDataSet(schema);

            var answer = await bed.Post(Flow + "/targetConnections", TargetConnectionBody(other, dataSet));

            Assert.Contains(dataSet, answer.AssertFlowError(HttpStatusCode.BadRequest, "1425-400"));
        }

        [Fact]
        public async Task A_data_lake_target_needs_a_dataset()
        {
            using var bed = new FlowServiceTestBed();
            var body = TargetConnectionBody("s", "d");
            body.Remove("params");
            body["data"]!.AsObject().Remove("schema");

            Assert.Contains("dataSetId", (await bed.Post(Flow + "/targetConnections", body)).AssertFlowError(HttpStatusCode.BadRequest, "1470-400"));
        }

        [Fact]
        public async Task A_flow_create_may_not_set_its_state()
        {
            using var bed = new FlowServiceTestBed();
            var pipeline = await bed.CreatePipeline();
            var body = FlowBody(pipeline.SourceId, pipeline.TargetId, pipeline.MappingId);
            body["state"] = "enabled";

            (await bed.Post(Flow + "/flows", body)).AssertFlowError(HttpStatusCode.BadRequest, "1410-400");
        }

        [Fact]
        public async Task A_flow_needs_a_known_flow_spec()
        {
            using var bed = new FlowServiceTestBed();
            var pipeline = await bed.CreatePipeline();
            var body = FlowBody(pipeline.SourceId, pipeline.TargetId, pipeline.MappingId);
            body["flowSpec"]!["id"] = "6499120c-0b15-42dc-936e-847ea3c24d72";

            Assert.Contains("6499120c-0b15-42dc-936e-847ea3c24d72", (await bed.Post(Flow + "/flows", body)).AssertFlowError(HttpStatusCode.BadRequest, "1413-400"));
        }

        [Fact]
        public async Task A_flows_source_connections_must_exist_in_the_sandbox()
        {
            using var bed = new FlowServiceTestBed();
            var pipeline = await bed.CreatePipeline();

            var answer = await bed.Post(Flow + "/flows", FlowBody("c278ab14-acdf-440b-b67f-1265d15a7655", pipeline.TargetId, pipeline.MappingId));

            Assert.Contains("c278ab14-acdf-440b-b67f-1265d15a7655", answer.AssertFlowError(HttpStatusCode.BadRequest, "1471-400"));
        }

        [Fact]
        public async Task A_flows_target_connections_must_exist_in_the_sandbox()
        {
            using var bed = new FlowServiceTestBed();
            var pipeline = await bed.CreatePipeline();

            var answer = await bed.Post(Flow + "/flows", FlowBody(pipeline.SourceId, "6c0ba537-a96b-4d74-8c95-450eb88baee8", pipeline.MappingId));

            Assert.Contains("6c0ba537-a96b-4d74-8c95-450eb88baee8", answer.AssertFlowError(HttpStatusCode.BadRequest, "1471-400"));
        }

        [Fact]
        public async Task A_flows_sources_must_use_a_connection_spec_the_flow_spec_lists()
        {
            using var bed = new FlowServiceTestBed();
            var pipeline = await bed.CreatePipeline();
            var s3 = await bed.Create(Flow + "/connections", S3ConnectionBody());
            var s3Source = await bed.Create(Flow + "/sourceConnections", Json(@"{ ""name"": ""s3"", ""baseConnectionId"": """ + s3 + @""",
                ""data"": { ""format"": ""delimited"" }, ""params"": { ""path"": ""/acme/orders.csv"" }, ""connectionSpec"": { ""id"": """ + AmazonS3SpecId + @""" } }"));

            var answer = await bed.Post(Flow + "/flows", FlowBody(s3Source, pipeline.TargetId, pipeline.MappingId));

            Assert.Contains("sourceConnectionSpecIds", answer.AssertFlowError(HttpStatusCode.BadRequest, "1473-400"));
        }

        [Fact]
        public async Task A_flows_targets_must_use_a_connection_spec_the_flow_spec_lists()
        {
            using var bed = new FlowServiceTestBed();
            var pipeline = await bed.CreatePipeline();
            var s3Target = await bed.Create(Flow + "/targetConnections", Json(@"{ ""name"": ""s3 target"", ""data"": { ""format"": ""json"" },
                ""params"": { ""path"": ""/exports"" }, ""connectionSpec"": { ""id"": """ + AmazonS3SpecId + @""" } }"));

            var answer = await bed.Post(Flow + "/flows", FlowBody(pipeline.SourceId, s3Target, pipeline.MappingId));

            Assert.Contains("targetConnectionSpecIds", answer.AssertFlowError(HttpStatusCode.BadRequest, "1473-400"));
        }

        [Theory]
        [InlineData(@"{ ""startTime"": 1604961070, ""frequency"": ""minute"", ""interval"": 10 }", "interval")]
        [InlineData(@"{ ""startTime"": 1604961070, ""frequency"": ""hour"", ""interval"": 0 }", "interval")]
        [InlineData(@"{ ""startTime"": 1604961070, ""frequency"": ""once"", ""interval"": 15 }", "scheduleParams")]
        [InlineData(@"{ ""startTime"": 1604961070, ""frequency"": ""day"" }", "interval")]
        [InlineData(@"{ ""startTime"": 1604961070, ""frequency"": ""month"", ""interval"": 1 }", "frequency")]
        [InlineData(@"{ ""frequency"": ""once"" }", "startTime")]
        [InlineData(@"{ ""startTime"": ""tomorrow"", ""frequency"": ""once"" }", "startTime")]
        public async Task Schedule_params_are_validated_against_the_schedule_spec(string schedule, string named)
        {
            using var bed = new FlowServiceTestBed();
            var pipeline = await bed.CreatePipeline();

            var answer = await bed.Post(Flow + "/flows", FlowBody(pipeline.SourceId, pipeline.TargetId, pipeline.MappingId, schedule));

            Assert.Contains(named, answer.AssertFlowError(HttpStatusCode.BadRequest, "1474-400"));
        }

        [Fact]
        public async Task A_transformation_must_be_one_the_flow_spec_has()
        {
            using var bed = new FlowServiceTestBed();
            var pipeline = await bed.CreatePipeline();
            var body = FlowBody(pipeline.SourceId, pipeline.TargetId, pipeline.MappingId);
            body["transformations"]![0]!["name"] = "Enrich";

            Assert.Contains("Enrich", (await bed.Post(Flow + "/flows", body)).AssertFlowError(HttpStatusCode.BadRequest, "1475-400"));
        }

        [Fact]
        public async Task Transformation_params_are_validated_against_their_spec()
        {
            using var bed = new FlowServiceTestBed();
            var pipeline = await bed.CreatePipeline();
            var body = FlowBody(pipeline.SourceId, pipeline.TargetId, pipeline.MappingId);
            body["transformations"]![0]!["params"]!["mappingVersion"] = new JsonArray(0);

            Assert.Contains("mappingVersion", (await bed.Post(Flow + "/flows", body)).AssertFlowError(HttpStatusCode.BadRequest, "1475-400"));
        }

        [Fact]
        public async Task The_mapping_set_must_exist_in_the_sandbox()
        {
            using var bed = new FlowServiceTestBed();
            var pipeline = await bed.CreatePipeline();

            var answer = await bed.Post(Flow + "/flows", FlowBody(pipeline.SourceId, pipeline.TargetId, "22922102bffd4369b6209c102a604062"));

            Assert.Contains("22922102bffd4369b6209c102a604062", answer.AssertFlowError(HttpStatusCode.BadRequest, "1471-400"));
        }

        [Fact]
        public async Task The_mapping_version_must_exist()
        {
            using var bed = new FlowServiceTestBed();
            var pipeline = await bed.CreatePipeline();
            var body = FlowBody(pipeline.SourceId, pipeline.TargetId, pipeline.MappingId);
            body["transformations"]![0]!["params"]!["mappingVersion"] = "3";

            Assert.Contains("mappingVersion", (await bed.Post(Flow + "/flows", body)).AssertFlowError(HttpStatusCode.BadRequest, "1412-400"));
        }

        [Fact]
        public async Task The_mapping_must_output_the_schema_of_the_target_dataset()
        {
            using var bed = new FlowServiceTestBed();
            var pipeline = await bed.CreatePipeline();
            var otherMapping = await bed.CreateMappingSet(await bed.CreateSchema("Another schema"));

            var answer = await bed.Post(Flow + "/flows", FlowBody(pipeline.SourceId, pipeline.TargetId, otherMapping));

            Assert.Contains(pipeline.DataSetId, answer.AssertFlowError(HttpStatusCode.BadRequest, "1425-400"));
        }

        [Fact]
        public async Task An_on_demand_run_needs_a_flow_id()
        {
            using var bed = new FlowServiceTestBed();

            (await bed.Post(Flow + "/runs", Json(@"{ ""params"": { ""startTime"": 1, ""windowStartTime"": 1, ""windowEndTime"": 2 } }")))
                .AssertFlowError(HttpStatusCode.BadRequest, "1446-400");
        }

        [Fact]
        public async Task An_on_demand_run_needs_an_existing_flow()
        {
            using var bed = new FlowServiceTestBed();

            var answer = await bed.Post(Flow + "/runs", Json(@"{ ""flowId"": ""20c115bc-46e3-40f3-bfe9-fb25abe4ba76"", ""params"": { ""startTime"": 1, ""windowStartTime"": 1, ""windowEndTime"": 2 } }"));

            Assert.Contains("20c115bc-46e3-40f3-bfe9-fb25abe4ba76", answer.AssertFlowError(HttpStatusCode.BadRequest, "1430-400"));
        }

        [Theory]
        [InlineData(@"{ ""startTime"": 1700000000, ""windowStartTime"": ""yesterday"", ""windowEndTime"": 1700000000 }", "windowStartTime")]
        [InlineData(@"{ ""windowStartTime"": 1699990000, ""windowEndTime"": 1700000000 }", "startTime")]
        [InlineData(@"{ ""startTime"": 1700000000, ""windowStartTime"": 1700000000, ""windowEndTime"": 1699990000 }", "windowEndTime")]
        public async Task On_demand_run_params_are_validated_against_the_run_spec(string parameters, string named)
        {
            using var bed = new FlowServiceTestBed();
            var flowId = await bed.CreateFlow(await bed.CreatePipeline());

            var answer = await bed.Post(Flow + "/runs", Json(@"{ ""flowId"": """ + flowId + @""", ""params"": " + parameters + " }"));

            Assert.Contains(named, answer.AssertFlowError(HttpStatusCode.BadRequest, "1477-400"));
        }

        private static JsonObject S3ConnectionBody() => Json(@"{ ""name"": ""S3"",
            ""auth"": { ""specName"": ""Basic Authentication for S3"", ""params"": { ""s3AccessKey"": ""AKIA"", ""s3SecretKey"": ""secret"" } },
            ""connectionSpec"": { ""id"": """ + AmazonS3SpecId + @""", ""version"": ""1.0"" } }");
    }
}
