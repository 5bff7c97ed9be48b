using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace PlatformFlow.Tests.Emulator.FlowService
{
    /// <summary>GET /connections/{id}/test and the Location header of 201 answers.</summary>
    public sealed class ConnectionTestAndLocationTests
    {
        private readonly FlowServiceTestBed _bed = new FlowServiceTestBed();

        [Theory]
        [InlineData("shpat_secret", true)]
        [InlineData("invalid-token", false)]
        [InlineData("INVALID", false)]
        public async Task Testing_a_base_connection_answers_whether_the_source_accepts_its_credentials(string accessToken, bool expected)
        {
            var body = FlowServiceTestBed.ShopifyConnectionBody();
            body["auth"]!["params"]!["accessToken"] = accessToken;
            var id = await _bed.Create(FlowServiceTestBed.Flow + "/connections", body);

            var answer = await _bed.Get(FlowServiceTestBed.Flow + "/connections/" + id + "/test");

            Assert.Equal(HttpStatusCode.OK, answer.Status);
            Assert.Equal(new JsonObject { ["result"] = expected }.ToJsonString(), answer.Body!.ToJsonString());
        }

        [Fact]
        public async Task Testing_an_unknown_connection_is_a_404()
        {
            var answer = await _bed.Get(FlowServiceTestBed.Flow + "/connections/00000000-0000-0000-0000-000000000000/test");

            Assert.Equal(HttpStatusCode.NotFound, answer.Status);
            Assert.Equal("https://ns.adobe.com/aep/errors/FLOW-1439-404", (string)answer.Body!["type"]!);
        }

        [Fact]
        public async Task Created_connections_and_flows_answer_their_location()
        {
            var pipeline = await _bed.CreatePipeline();
            using var connection = await _bed.Client.PostAsync(
                FlowServiceTestBed.Flow + "/connections",
                new System.Net.Http.StringContent(FlowServiceTestBed.ShopifyConnectionBody().ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
            using var flow = await _bed.Client.PostAsync(
                FlowServiceTestBed.Flow + "/flows",
                new System.Net.Http.StringContent(FlowServiceTestBed.FlowBody(pipeline.SourceId, pipeline.TargetId, pipeline.MappingId).ToJsonString(), System.Text.Encoding.UTF8, "application/json"));

            var connectionId = (string)JsonNode.Parse(await connection.Content.ReadAsStringAsync())!["id"]!;
            var flowId = (string)JsonNode.Parse(await flow.Content.ReadAsStringAsync())!["id"]!;
            Assert.Equal(HttpStatusCode.Created, flow.StatusCode);
            Assert.Equal(FlowServiceTestBed.Flow + "/connections/" + connectionId, connection.Headers.Location!.OriginalString);
            Assert.Equal(FlowServiceTestBed.Flow + "/flows/" + flowId, flow.Headers.Location!.OriginalString);
        }
    }
}
