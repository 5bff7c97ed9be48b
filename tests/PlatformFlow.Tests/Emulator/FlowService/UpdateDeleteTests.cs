using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;
using static PlatformFlow.Tests.Emulator.FlowService.FlowServiceTestBed;

namespace PlatformFlow.Tests.Emulator.FlowService
{
    /// <summary>PATCH with If-Match, DELETE while in use, and enabling and disabling flows.</summary>
    public sealed class UpdateDeleteTests
    {
        [Fact]
        public async Task A_patch_with_the_current_etag_applies_and_answers_a_new_etag()
        {
            using var bed = new FlowServiceTestBed();
            var created = (await bed.Post(Flow + "/connections", ShopifyConnectionBody())).Body!;
            var id = (string)created["id"]!;
            var etag = (string)created["etag"]!;

            var answer = await bed.Patch(Flow + "/connections/" + id, PatchArray(
                @"{ ""op"": ""replace"", ""path"": ""/name"", ""value"": ""renamed"" }", @"{ ""op"": ""add"", ""path"": ""/description"", ""value"": ""patched"" }"), etag);

            Assert.Equal(HttpStatusCode.OK, answer.Status);
            Assert.Equal(id, (string)answer.Body!["id"]!);
            Assert.NotEqual(etag, (string)answer.Body["etag"]!);
            var connection = await bed.GetItem(Flow + "/connections/" + id);
            Assert.Equal("renamed", (string)connection["name"]!);
            Assert.Equal("patched", (string)connection["description"]!);
            Assert.Equal((string)answer.Body["etag"]!, (string)connection["etag"]!);
        }

        [Fact]
        public async Task A_patch_without_If_Match_is_400_1403()
        {
            using var bed = new FlowServiceTestBed();
            var id = await bed.Create(Flow + "/connections", ShopifyConnectionBody());

            (await bed.Patch(Flow + "/connections/" + id, PatchArray(@"{ ""op"": ""replace"", ""path"": ""/name"", ""value"": ""x"" }"), null))
                .AssertFlowError(HttpStatusCode.BadRequest, "1403-400");
        }

        [Fact]
        public async Task A_patch_with_a_stale_etag_is_412_1404()
        {
            using var bed = new FlowServiceTestBed();
            var created = (await bed.Post(Flow + "/connections", ShopifyConnectionBody())).Body!;
            var id = (string)created["id"]!;
            var first = (string)created["etag"]!;
            await bed.Patch(Flow + "/connections/" + id, PatchArray(@"{ ""op"": ""replace"", ""path"": ""/name"", ""value"": ""one"" }"), first);

            (await bed.Patch(Flow + "/connections/" + id, PatchArray(@"{ ""op"": ""replace"", ""path"": ""/name"", ""value"": ""two"" }"), first))
                .AssertFlowError(HttpStatusCode.PreconditionFailed, "1404-412");
        }

        [Theory]
        [InlineData(@"{ ""op"": ""replace"", ""path"": ""/state"", ""value"": ""disabled"" }", "1455-400")]
        [InlineData(@"{ ""op"": ""move"", ""from"": ""/name"", ""path"": ""/description"" }", "1434-400")]
        [InlineData(@"{ ""op"": ""replace"", ""path"": ""/description"", ""value"": ""absent"" }", "1455-400")]
        [InlineData(@"{ ""op"": ""test"", ""path"": ""/name"", ""value"": ""other"" }", "1455-400")]
        [InlineData(@"{ ""op"": ""replace"", ""path"": ""/connectionSpec/id"", ""value"": ""x"" }", "1414-400")]
        [InlineData(@"{ ""op"": ""remove"", ""path"": ""/auth/params/accessToken"" }", "1476-400")]
        public async Task Bad_patches_are_refused(string instruction, string code)
        {
            using var bed = new FlowServiceTestBed();
            var created = (await bed.Post(Flow + "/connections", ShopifyConnectionBody())).Body!;

            (await bed.Patch(Flow + "/connections/" + created["id"], PatchArray(instruction), (string)created["etag"]!))
                .AssertFlowError(HttpStatusCode.BadRequest, code);
        }

        [Fact]
        public async Task A_patched_flow_schedule_is_revalidated_and_stored_coerced()
        {
            using var bed = new FlowServiceTestBed();
            var flowId = await bed.CreateFlow(await bed.CreatePipeline());
            var etag = (string)(await bed.GetItem(Flow + "/flows/" + flowId))["etag"]!;

            var invalid = await bed.Patch(Flow + "/flows/" + flowId, PatchArray(@"{ ""op"": ""replace"", ""path"": ""/scheduleParams"", ""value"": { ""startTime"": ""1604961070"", ""frequency"": ""minute"", ""interval"": 5 } }"), etag);
            var valid = await bed.Patch(Flow + "/flows/" + flowId, PatchArray(@"{ ""op"": ""replace"", ""path"": ""/scheduleParams"", ""value"": { ""startTime"": ""1604961070"", ""frequency"": ""minute"", ""interval"": ""15"" } }"), etag);

            invalid.AssertFlowError(HttpStatusCode.BadRequest, "1474-400");
            Assert.Equal(HttpStatusCode.OK, valid.Status);
            var schedule = (await bed.GetItem(Flow + "/flows/" + flowId))["scheduleParams"]!;
            Assert.Equal(15, schedule["interval"]!.GetValue<int>());
            Assert.Equal(1604961070L, schedule["startTime"]!.GetValue<long>());
        }

        [Fact]
        public async Task A_base_connection_used_by_a_flow_cannot_be_deleted_and_the_error_names_the_flow()
        {
            using var bed = new FlowServiceTestBed();
            var pipeline = await bed.CreatePipeline();
            var flowId = await bed.CreateFlow(pipeline);

            var refused = await bed.Delete(Flow + "/connections/" + pipeline.ConnectionId);

            Assert.Contains(flowId, refused.AssertFlowError(HttpStatusCode.BadRequest, "1418-400"));
            Assert.Contains(flowId, (await bed.Delete(Flow + "/sourceConnections/" + pipeline.SourceId)).AssertFlowError(HttpStatusCode.BadRequest, "1447-400"));
            Assert.Contains(flowId, (await bed.Delete(Flow + "/targetConnections/" + pipeline.TargetId)).AssertFlowError(HttpStatusCode.BadRequest, "1447-400"));
        }

        [Fact]
        public async Task Deleting_a_flow_keeps_its_connections_which_can_then_be_deleted()
        {
            using var bed = new FlowServiceTestBed();
            var pipeline = await bed.CreatePipeline();
            var flowId = await bed.CreateFlow(pipeline);

            Assert.Equal(HttpStatusCode.NoContent, (await bed.Delete(Flow + "/flows/" + flowId)).Status);

            (await bed.Get(Flow + "/flows/" + flowId)).AssertFlowError(HttpStatusCode.NotFound, "1439-404");
            Assert.Equal(HttpStatusCode.OK, (await bed.Get(Flow + "/sourceConnections/" + pipeline.SourceId)).Status);
            Assert.Equal(HttpStatusCode.NoContent, (await bed.Delete(Flow + "/sourceConnections/" + pipeline.SourceId)).Status);
            Assert.Equal(HttpStatusCode.NoContent, (await bed.Delete(Flow + "/targetConnections/" + pipeline.TargetId)).Status);
            Assert.Equal(HttpStatusCode.NoContent, (await bed.Delete(Flow + "/connections/" + pipeline.ConnectionId)).Status);
        }

        [Fact]
        public async Task Getting_or_deleting_a_missing_resource_is_404_1439()
        {
            using var bed = new FlowServiceTestBed();

            Assert.Contains("c278ab14-acdf-440b-b67f-1265d15a7655", (await bed.Get(Flow + "/sourceConnections/c278ab14-acdf-440b-b67f-1265d15a7655")).AssertFlowError(HttpStatusCode.NotFound, "1439-404"));
            (await bed.Delete(Flow + "/connections/c278ab14-acdf-440b-b67f-1265d15a7655")).AssertFlowError(HttpStatusCode.NotFound, "1439-404");
        }

        [Fact]
        public async Task Flows_are_disabled_and_enabled_with_a_new_etag_each_time()
        {
            using var bed = new FlowServiceTestBed();
            var flowId = await bed.CreateFlow(await bed.CreatePipeline());
            var before = (string)(await bed.GetItem(Flow + "/flows/" + flowId))["etag"]!;

            var disabled = await bed.Send(HttpMethod.Post, Flow + "/flows/" + flowId + "/action?op=disable");
            var state = (string)(await bed.GetItem(Flow + "/flows/" + flowId))["state"]!;
            var again = await bed.Send(HttpMethod.Post, Flow + "/flows/" + flowId + "/action?op=disable");
            var enabled = await bed.Send(HttpMethod.Post, Flow + "/flows/" + flowId + "/action?op=ENABLE");

            Assert.Equal(HttpStatusCode.OK, disabled.Status);
            Assert.NotEqual(before, (string)disabled.Body!["etag"]!);
            Assert.Equal("disabled", state);
            again.AssertFlowError(HttpStatusCode.BadRequest, "1422-400");
            Assert.Equal(HttpStatusCode.OK, enabled.Status);
            Assert.Equal("enabled", (string)(await bed.GetItem(Flow + "/flows/" + flowId))["state"]!);
        }

        [Fact]
        public async Task An_action_with_a_stale_If_Match_or_an_unknown_op_is_refused()
        {
            using var bed = new FlowServiceTestBed();
            var flowId = await bed.CreateFlow(await bed.CreatePipeline());

            (await bed.Send(HttpMethod.Post, Flow + "/flows/" + flowId + "/action?op=disable", ifMatch: "\"00000000-0000-0200-0000-000000000000\""))
                .AssertFlowError(HttpStatusCode.PreconditionFailed, "1404-412");
            (await bed.Send(HttpMethod.Post, Flow + "/flows/" + flowId + "/action?op=pause")).AssertFlowError(HttpStatusCode.BadRequest, "1434-400");
        }

        private static JsonArray PatchArray(params string[] instructions) =>
            new JsonArray(instructions.Select(i => (JsonNode?)JsonNode.Parse(i)).ToArray());
    }
}
