using System;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
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
            var client = TestPlatform.NewClientThrough(engine, emulator => new ReshapingHandler(emulator, shape));
            var created = await client.FlowService.BaseConnections.CreateAsync(await TestPlatform.ShopifyConnectionAsync(client, "Shop by id"));
            return (client, created.Id);
        }

        /// <summary>Rewrites the emulator's <c>{items:[resource]}</c> answer to a get by id into <see cref="AnswerShape"/>.</summary>
        private sealed class ReshapingHandler : DelegatingHandler
        {
            private readonly AnswerShape _shape;

            public ReshapingHandler(HttpMessageHandler inner, AnswerShape shape)
                : base(inner)
            {
                _shape = shape;
            }

            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                var response = await base.SendAsync(request, cancellationToken);
                if (request.Method != HttpMethod.Get || !request.RequestUri!.AbsolutePath.Contains("/connections/", StringComparison.Ordinal))
                {
                    return response;
                }

                var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!.AsObject();
                var item = answer["items"]!.AsArray()[0]!;
                var reshaped = _shape switch
                {
                    AnswerShape.BareResource => item.ToJsonString(),
                    AnswerShape.EmptyList => "{\"items\":[]}",
                    _ => answer.ToJsonString(),
                };
                response.Content = new StringContent(reshaped, Encoding.UTF8, "application/json");
                return response;
            }
        }
    }
}
