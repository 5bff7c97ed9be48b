using System;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using PlatformFlow.Emulator.Engine;
using PlatformFlow.Emulator.Host;
using PlatformFlow.Tests.Emulator.FlowService;
using Xunit;

namespace PlatformFlow.Tests.Emulator.Host
{
    /// <summary>The same engine over real HTTP on loopback.</summary>
    public sealed class EmulatorServerTests
    {
        [Fact]
        public async Task The_server_binds_loopback_on_a_free_port()
        {
            await using var server = await EmulatorServer.StartAsync(new EmulatorEngine(), 0);

            Assert.Equal("127.0.0.1", server.BaseAddress.Host);
            Assert.NotEqual(0, server.BaseAddress.Port);
        }

        [Fact]
        public async Task A_flow_service_write_and_read_round_trip_over_http_with_etag_header()
        {
            var engine = new EmulatorEngine();
            await using var server = await EmulatorServer.StartAsync(engine, 0);
            using var client = new HttpClient { BaseAddress = server.BaseAddress };
            FlowServiceTestBed.AddPlatformHeaders(client, "prod");

            var created = await client.PostAsync(FlowServiceTestBed.Flow + "/connections",
                new StringContent(FlowServiceTestBed.ShopifyConnectionBody().ToJsonString(), Encoding.UTF8, "application/json"));
            var body = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;
            var read = JsonNode.Parse(await client.GetStringAsync(FlowServiceTestBed.Flow + "/connections/" + body["id"]))!;

            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            Assert.Equal((string)body["etag"]!, created.Headers.ETag!.Tag);
            Assert.True(created.Headers.Contains("x-request-id"));
            Assert.Equal((string)body["id"]!, (string)read["items"]![0]!["id"]!);
        }

        [Fact]
        public async Task Query_strings_and_encoded_paths_reach_the_engine_decoded()
        {
            await using var server = await EmulatorServer.StartAsync(new EmulatorEngine(), 0);
            using var client = new HttpClient { BaseAddress = server.BaseAddress };
            FlowServiceTestBed.AddPlatformHeaders(client, "prod");

            var specs = JsonNode.Parse(await client.GetStringAsync(FlowServiceTestBed.Flow + "/flowSpecs?property=name%3D%3D%22CRMToAEP%22"))!;

            Assert.Equal(FlowServiceTestBed.CrmToAepId, (string)specs["items"]![0]!["id"]!);
        }

        [Fact]
        public async Task Gateway_errors_come_back_over_http()
        {
            await using var server = await EmulatorServer.StartAsync(new EmulatorEngine(), 0);
            using var client = new HttpClient { BaseAddress = server.BaseAddress };

            var response = await client.GetAsync(FlowServiceTestBed.Flow + "/flows");

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("401013", (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error_code"]!);
        }

        [Fact]
        public async Task Disposing_the_server_closes_its_port()
        {
            var server = await EmulatorServer.StartAsync(new EmulatorEngine(), 0);
            var port = server.BaseAddress.Port;

            await server.DisposeAsync();

            using var socket = new TcpClient();
            await Assert.ThrowsAnyAsync<SocketException>(() => socket.ConnectAsync(IPAddress.Loopback, port));
        }
    }
}
