using System.Text.Json.Nodes;
using System.Threading.Tasks;
using PlatformFlow.Client;
using PlatformFlow.Client.Errors;
using PlatformFlow.Emulator.Engine;
using PlatformFlow.Tests.Support;
using Xunit;

namespace PlatformFlow.Tests.Client
{
    /// <summary>Flow Service answers a get by id as a one-item list; the client also reads a bare resource, and an empty list is a 404.</summary>
    public sealed class GetByIdAnswerTests
    {
        public enum AnswerShape
        {
            OneItemList,
            BareResource,
            EmptyList,
        }

        [Theory]
        [InlineData(AnswerShape.OneItemList)]
        [InlineData(AnswerShape.BareResource)]
        public async Task The_resource_is_read_from_either_shape(AnswerShape shape)
        {
            var (client, id) = await ClientAnsweringAsync(shape);
            using (client)
            {
                var connection = await client.FlowService.BaseConnections.GetAsync(id);

                Assert.Equal(id, connection.Id);
                Assert.Equal("Shop by id", connection.Name);
            }
        }

        [Fact]
        public async Task An_empty_list_is_not_found()
        {
            var (client, id) = await ClientAnsweringAsync(AnswerShape.EmptyList);
            using (client)
            {
                var error = await Assert.ThrowsAsync<PlatformException>(() => client.FlowService.BaseConnections.GetAsync(id));

                Assert.Equal(404, error.StatusCode);
                Assert.Equal("/data/foundation/flowservice/connections/" + id, error.Path);
            }
        }

        private static async Task<(PlatformClient Client, string Id)> ClientAnsweringAsync(AnswerShape shape)
        {
            var engine = new EmulatorEngine(new EmulatorOptions());
            using var creator = TestPlatform.NewClientThrough(engine, emulator => emulator);
            var created = await TestPlatform.CreateShopifyConnectionAsync(creator, "Shop by id");
            return (TestPlatform.NewClientThrough(engine, emulator => new AnswerRewriter(emulator, "/connections/" + created.Id, answer => Reshaped(answer, shape))), created.Id);
        }

        /// <summary>The emulator's <c>{items:[resource]}</c> answer to a get by id, in <paramref name="shape"/>.</summary>
        private static JsonNode Reshaped(JsonNode answer, AnswerShape shape) => shape switch
        {
            AnswerShape.BareResource => answer["items"]![0]!.DeepClone(),
            AnswerShape.EmptyList => new JsonObject { ["items"] = new JsonArray() },
            _ => answer,
        };
    }
}
