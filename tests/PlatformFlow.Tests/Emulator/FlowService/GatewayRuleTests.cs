using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;
using static PlatformFlow.Tests.Emulator.FlowService.FlowServiceTestBed;

namespace PlatformFlow.Tests.Emulator.FlowService
{
    /// <summary>The gateway and body rules as the Flow Service's callers meet them.</summary>
    public sealed class GatewayRuleTests
    {
        [Fact]
        public async Task The_tutorials_trailing_comma_is_a_400_naming_line_and_column()
        {
            using var bed = new FlowServiceTestBed();
            var connection = await bed.Create(Flow + "/connections", ShopifyConnectionBody());
            var body = "{\n  \"name\": \"Shopify source connection\",\n  \"baseConnectionId\": \"" + connection + "\",\n"
                + "  \"params\": { \"columns\": [ { \"name\": \"Email\", \"type\": \"string\" },\n  ] }\n}";

            var message = (await bed.Send(HttpMethod.Post, Flow + "/sourceConnections", body)).AssertFlowError(HttpStatusCode.BadRequest, "1001-400");

            Assert.Contains("line 5", message);
            Assert.Contains("column", message);
        }

        [Fact]
        public async Task A_missing_sandbox_header_is_2105_400()
        {
            using var bed = new FlowServiceTestBed();
            bed.Client.DefaultRequestHeaders.Remove("x-sandbox-name");

            var answer = await bed.Get(Flow + "/flows");

            answer.AssertFlowError(HttpStatusCode.BadRequest, "2105-400");
        }

        [Fact]
        public async Task An_unknown_sandbox_is_2100_404()
        {
            using var bed = new FlowServiceTestBed();
            using var client = NewClient(bed.Engine, "staging");

            var response = await client.GetAsync(Flow + "/flows");
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.EndsWith("FLOW-2100-404", (string)body["type"]!);
        }

        [Fact]
        public async Task A_missing_Authorization_is_the_gateways_401013()
        {
            using var bed = new FlowServiceTestBed();
            bed.Client.DefaultRequestHeaders.Authorization = null;

            var answer = await bed.Get(Flow + "/connections");

            Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
            Assert.Equal("401013", (string)answer.Body!["error_code"]!);
            Assert.NotNull(answer.Body["message"]);
        }

        [Fact]
        public async Task A_body_without_a_json_content_type_is_415()
        {
            using var bed = new FlowServiceTestBed();
            using var request = new HttpRequestMessage(HttpMethod.Post, Flow + "/connections")
            {
                Content = new StringContent(ShopifyConnectionBody().ToJsonString(), Encoding.UTF8, "text/plain"),
            };

            var response = await bed.Client.SendAsync(request);

            Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        }
    }
}
