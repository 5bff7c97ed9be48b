using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using PlatformFlow.Client;
using PlatformFlow.Client.Errors;
using PlatformFlow.Client.Http;
using PlatformFlow.Client.Models;
using PlatformFlow.Emulator.Engine;
using PlatformFlow.Tests.Support;
using Xunit;

namespace PlatformFlow.Tests.Client
{
    public sealed class RetryTests
    {
        private static BaseConnectionRequest ShopifyConnection(string name) => new BaseConnectionRequest
        {
            Name = name,
            Auth = new ConnectionAuth { SpecName = "Basic Authentication for Shopify", ParamsJson = new JsonObject { ["host"] = "shop.example", ["accessToken"] = "shpat-123" } },
            ConnectionSpec = new SpecReference(WellKnown.ShopifyConnectionSpecId, "1.0"),
        };

        private static int Count(EmulatorEngine engine, string method, string pathEnd) =>
            engine.Journal.Recent.Count(e => e.Method == method && e.Path.EndsWith(pathEnd, StringComparison.Ordinal));

        private static async Task<BaseConnectionRequest> ShopifyRequestAsync(PlatformClient client, string name)
        {
            var spec = await client.FlowService.GetConnectionSpecAsync(WellKnown.ShopifyConnectionSpecId);
            var request = ShopifyConnection(name);
            return new BaseConnectionRequest { Name = request.Name, Auth = new ConnectionAuth { SpecName = spec.AuthSpec![0].Name, ParamsJson = request.Auth.ParamsJson }, ConnectionSpec = request.ConnectionSpec };
        }

        [Fact]
        public async Task A_throttled_call_waits_as_Retry_After_asks_then_succeeds()
        {
            var clock = new ManualTimeProvider { AutoAdvance = true };
            using var platform = new TestPlatform(retry: new RetryOptions { MaxRetries = 4, BaseDelay = TimeSpan.FromSeconds(1) }, clientClock: clock);
            platform.Engine.Faults.Enqueue(new ScriptedFault(429, retryAfterSeconds: 7, method: "GET"));
            platform.Engine.Faults.Enqueue(new ScriptedFault(429, retryAfterSeconds: 7, method: "GET"));

            var specs = await platform.Client.FlowService.ListConnectionSpecsAsync().ToListAsync();

            Assert.NotEmpty(specs);
            var attempts = platform.Engine.Journal.Recent.Where(e => e.Path.EndsWith("/connectionSpecs", StringComparison.Ordinal)).Select(e => e.Status).ToList();
            Assert.Equal(new[] { 429, 429, 200 }, attempts);
            Assert.Equal(2, clock.RequestedDelays.Count(d => d == TimeSpan.FromSeconds(7)));
        }

        [Fact]
        public async Task A_POST_throttled_with_429_is_retried_and_creates_one_resource()
        {
            using var platform = new TestPlatform();
            var request = await ShopifyRequestAsync(platform.Client, "throttled");
            platform.Engine.Faults.Enqueue(new ScriptedFault(429, retryAfterSeconds: 0, method: "POST"));

            await platform.Client.FlowService.BaseConnections.CreateAsync(request);

            Assert.Equal(2, Count(platform.Engine, "POST", "/connections"));
            Assert.Single(await platform.Client.FlowService.BaseConnections.ListAsync().ToListAsync());
        }

        [Fact]
        public async Task A_POST_answered_503_is_not_retried()
        {
            using var platform = new TestPlatform();
            var request = await ShopifyRequestAsync(platform.Client, "unavailable");
            platform.Engine.Faults.Enqueue(new ScriptedFault(503, method: "POST"));

            var error = await Assert.ThrowsAsync<PlatformException>(() => platform.Client.FlowService.BaseConnections.CreateAsync(request));

            Assert.Equal(503, error.StatusCode);
            Assert.Equal(1, Count(platform.Engine, "POST", "/connections"));
            Assert.Empty(await platform.Client.FlowService.BaseConnections.ListAsync().ToListAsync());
        }

        [Fact]
        public async Task A_POST_the_server_applied_before_a_504_is_not_sent_again()
        {
            using var platform = new TestPlatform();
            var request = await ShopifyRequestAsync(platform.Client, "applied");
            platform.Engine.Faults.Enqueue(new ScriptedFault(504, timing: FaultTiming.AfterHandling, method: "POST"));

            var error = await Assert.ThrowsAsync<PlatformException>(() => platform.Client.FlowService.BaseConnections.CreateAsync(request));

            Assert.Equal(504, error.StatusCode);
            Assert.Equal(1, Count(platform.Engine, "POST", "/connections"));
            Assert.Single(await platform.Client.FlowService.BaseConnections.ListAsync().ToListAsync());
        }

        [Fact]
        public async Task A_GET_that_keeps_failing_ends_with_the_platform_error_after_the_bounded_attempts()
        {
            using var platform = new TestPlatform(retry: new RetryOptions { MaxRetries = 3, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) });
            for (var i = 0; i < 10; i++)
            {
                platform.Engine.Faults.Enqueue(new ScriptedFault(503, method: "GET"));
            }

            var error = await Assert.ThrowsAsync<PlatformException>(() => platform.Client.FlowService.GetFlowSpecAsync(WellKnown.CrmToAepFlowSpecId));

            Assert.Equal(503, error.StatusCode);
            Assert.Equal("FLOW-" + ErrorCodes.ServiceUnavailable, error.ErrorCode);
            Assert.NotNull(error.RequestId);
            Assert.Equal(4, Count(platform.Engine, "GET", "/flowSpecs/" + WellKnown.CrmToAepFlowSpecId));
        }

        [Fact]
        public async Task Retries_stop_when_the_total_time_is_spent()
        {
            var clock = new ManualTimeProvider { AutoAdvance = true };
            var retry = new RetryOptions { MaxRetries = 10, BaseDelay = TimeSpan.FromSeconds(30), MaxDelay = TimeSpan.FromSeconds(30), TotalTimeout = TimeSpan.FromSeconds(70) };
            using var platform = new TestPlatform(retry: retry, clientClock: clock);
            for (var i = 0; i < 20; i++)
            {
                platform.Engine.Faults.Enqueue(new ScriptedFault(429, retryAfterSeconds: 30, method: "GET"));
            }

            await Assert.ThrowsAsync<PlatformException>(() => platform.Client.FlowService.GetFlowSpecAsync(WellKnown.CrmToAepFlowSpecId));

            // 0 s, 30 s, 60 s: the next retry would start past 70 s.
            Assert.Equal(3, Count(platform.Engine, "GET", "/flowSpecs/" + WellKnown.CrmToAepFlowSpecId));
        }

        [Fact]
        public async Task A_POST_whose_connection_was_refused_is_retried_because_nothing_was_sent()
        {
            var port = FreePort();
            using var client = new PlatformClient(new PlatformClientOptions
            {
                BaseUri = new Uri("http://127.0.0.1:" + port),
                OrgId = TestPlatform.OrgId,
                AccessToken = "token-for-a-closed-port",
                ApiKey = TestPlatform.ClientId,
                Retry = TestPlatform.QuickRetry,
            });
            var attempts = new ConcurrentQueue<HttpCallRecord>();

            using (HttpCallTrace.Listen(attempts.Enqueue))
            {
                await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.FlowService.BaseConnections.CreateAsync(ShopifyConnection("refused")));
            }

            Assert.Equal(TestPlatform.QuickRetry.MaxRetries + 1, attempts.Count);
            Assert.All(attempts, a => Assert.Null(a.Status));
        }

        private static int FreePort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }
    }
}
