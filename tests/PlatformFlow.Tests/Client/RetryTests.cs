using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using PlatformFlow.Client;
using PlatformFlow.Client.Auth;
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
        private static readonly string FlowSpecPath = "/flowSpecs/" + WellKnown.CrmToAepFlowSpecId;

        private static BaseConnectionRequest ShopifyConnection(string name) => new BaseConnectionRequest
        {
            Name = name,
            Auth = new ConnectionAuth { SpecName = "Basic Authentication for Shopify", ParamsJson = new JsonObject { ["host"] = "shop.example", ["accessToken"] = "shpat-123" } },
            ConnectionSpec = new SpecReference(WellKnown.ShopifyConnectionSpecId, "1.0"),
        };

        private static int Count(EmulatorEngine engine, string method, string pathEnd) =>
            engine.Journal.Recent.Count(e => e.Method == method && e.Path.EndsWith(pathEnd, StringComparison.Ordinal));

        private static RetryOptions Patient(TimeSpan budget) => new RetryOptions { BaseDelay = TimeSpan.FromSeconds(1), Budget = budget };

        [Fact]
        public async Task A_throttled_call_waits_as_long_as_Retry_After_asks_plus_jitter_then_succeeds()
        {
            var clock = new ManualTimeProvider { AutoAdvance = true };
            using var platform = new TestPlatform(retry: Patient(TimeSpan.FromMinutes(10)), clientClock: clock);
            for (var i = 0; i < 12; i++)
            {
                platform.Engine.Faults.Enqueue(new ScriptedFault(429, retryAfterSeconds: 7, method: "GET"));
            }

            var specs = await platform.Client.FlowService.ListConnectionSpecsAsync().ToListAsync();

            Assert.NotEmpty(specs);
            var attempts = platform.Engine.Journal.Recent.Where(e => e.Path.EndsWith("/connectionSpecs", StringComparison.Ordinal)).Select(e => e.Status).ToList();
            Assert.Equal(Enumerable.Repeat(429, 12).Append(200), attempts);

            // Never before the time asked, and at most a tenth longer. (The clock's shorter delays are the context's slots
            // held while its limit is lowered.)
            var waits = clock.RequestedDelays.Where(w => w >= TimeSpan.FromSeconds(7)).ToList();
            Assert.Equal(12, waits.Count);
            Assert.All(waits, w => Assert.InRange(w, TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(7.7)));

            // From the fourth 429 in a row the context is overloaded and waits spread over the whole tenth (0.7 s): that
            // the nine waits from there all land in its first 0.1 s has a chance of (0.1 / 0.7)^9, under one in 30 million.
            Assert.Contains(waits, w => w > TimeSpan.FromSeconds(7.1));
        }

        [Fact]
        public async Task A_Retry_After_longer_than_60_seconds_is_waited_in_full()
        {
            var clock = new ManualTimeProvider { AutoAdvance = true };
            using var platform = new TestPlatform(retry: Patient(TimeSpan.FromMinutes(10)), clientClock: clock);
            platform.Engine.Faults.Enqueue(new ScriptedFault(429, retryAfterSeconds: 150, method: "GET"));

            await platform.Client.FlowService.GetFlowSpecAsync(WellKnown.CrmToAepFlowSpecId);

            var wait = Assert.Single(clock.RequestedDelays);
            Assert.InRange(wait, TimeSpan.FromSeconds(150), TimeSpan.FromSeconds(165));
            Assert.Equal(2, Count(platform.Engine, "GET", FlowSpecPath));
        }

        [Fact]
        public async Task A_Retry_After_beyond_the_maximum_fails_at_once_saying_so()
        {
            var clock = new ManualTimeProvider { AutoAdvance = true };
            var retry = new RetryOptions { MaxRetryAfter = TimeSpan.FromSeconds(60), Budget = TimeSpan.FromHours(1) };
            using var platform = new TestPlatform(retry: retry, clientClock: clock);
            platform.Engine.Faults.Enqueue(new ScriptedFault(429, retryAfterSeconds: 120, method: "GET"));

            var error = await Assert.ThrowsAsync<RetriesExhaustedException>(() => platform.Client.FlowService.GetFlowSpecAsync(WellKnown.CrmToAepFlowSpecId));

            Assert.Equal(TimeSpan.FromSeconds(120), error.RefusedRetryAfter);
            Assert.Equal(1, error.Attempts);
            Assert.Equal(429, error.LastAnswer!.StatusCode);
            Assert.Contains("asked to wait 120 s (Retry-After), longer than the 60 s", error.Message, StringComparison.Ordinal);
            Assert.Contains("-MaxRetryAfterSeconds", error.Message, StringComparison.Ordinal);
            Assert.Empty(clock.RequestedDelays);
            Assert.Equal(1, Count(platform.Engine, "GET", FlowSpecPath));
        }

        [Fact]
        public async Task Retries_go_on_past_any_fixed_count_until_the_budget_is_spent_then_say_so()
        {
            var clock = new ManualTimeProvider { AutoAdvance = true };
            var budget = TimeSpan.FromMinutes(5);
            using var platform = new TestPlatform(retry: Patient(budget), clientClock: clock);
            for (var i = 0; i < 100; i++)
            {
                platform.Engine.Faults.Enqueue(new ScriptedFault(429, retryAfterSeconds: 20, method: "GET"));
            }

            var error = await Assert.ThrowsAsync<RetriesExhaustedException>(() => platform.Client.FlowService.GetFlowSpecAsync(WellKnown.CrmToAepFlowSpecId));

            // Waits of 20 to 22 s: at least 13 retries fit in 5 minutes, and one more wait (at most 22 s) might not have.
            var attempts = Count(platform.Engine, "GET", FlowSpecPath);
            Assert.InRange(attempts, 14, 16);
            Assert.Equal(attempts, error.Attempts);
            Assert.Null(error.RefusedRetryAfter);
            Assert.Equal(budget, error.Budget);
            var waited = TimeSpan.FromTicks(clock.RequestedDelays.Sum(d => d.Ticks));
            Assert.True(waited <= budget, "waited " + waited);
            Assert.True(waited + TimeSpan.FromSeconds(22) > budget, "gave up early, after " + waited);
            Assert.Contains("retry budget of 300 s is spent (Connect-Platform -RetryBudgetSeconds)", error.Message, StringComparison.Ordinal);
            Assert.Equal("429001", error.LastAnswer!.ErrorCode);
        }

        [Fact]
        public async Task Without_Retry_After_the_backoff_doubles_with_jitter_up_to_the_cap()
        {
            var clock = new ManualTimeProvider { AutoAdvance = true };
            var retry = new RetryOptions { BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(8), Budget = TimeSpan.FromSeconds(40) };
            using var platform = new TestPlatform(retry: retry, clientClock: clock);
            for (var i = 0; i < 50; i++)
            {
                platform.Engine.Faults.Enqueue(new ScriptedFault(503, method: "GET"));
            }

            var error = await Assert.ThrowsAsync<RetriesExhaustedException>(() => platform.Client.FlowService.GetFlowSpecAsync(WellKnown.CrmToAepFlowSpecId));

            var waits = clock.RequestedDelays;
            var ceilings = new[] { 1, 2, 4, 8, 8, 8, 8, 8, 8, 8 };
            Assert.InRange(waits.Count, 5, ceilings.Length);
            for (var i = 0; i < waits.Count; i++)
            {
                Assert.InRange(waits[i], TimeSpan.FromSeconds(ceilings[i] / 2.0), TimeSpan.FromSeconds(ceilings[i]));
            }

            Assert.Equal(503, error.LastAnswer!.StatusCode);
            Assert.Equal("FLOW-" + ErrorCodes.ServiceUnavailable, error.LastAnswer.ErrorCode);
            Assert.NotNull(error.LastAnswer.RequestId);
            Assert.Equal(waits.Count + 1, Count(platform.Engine, "GET", FlowSpecPath));
        }

        [Fact]
        public async Task A_DELETE_that_ran_out_of_retries_after_5xx_may_have_been_applied()
        {
            var clock = new ManualTimeProvider { AutoAdvance = true };
            using var platform = new TestPlatform(retry: Patient(TimeSpan.FromSeconds(5)), clientClock: clock);
            var created = await TestPlatform.CreateShopifyConnectionAsync(platform.Client, "doomed");
            platform.Engine.Faults.Enqueue(new ScriptedFault(503, timing: FaultTiming.AfterHandling, method: "DELETE"));
            for (var i = 0; i < 20; i++)
            {
                platform.Engine.Faults.Enqueue(new ScriptedFault(503, method: "DELETE"));
            }

            var error = await Assert.ThrowsAsync<RetriesExhaustedException>(() => platform.Client.FlowService.BaseConnections.DeleteAsync(created.Id));

            // The first DELETE was applied before its 503; the retries were refused. Sending it again was harmless.
            Assert.True(RequestOutcome.MayHaveBeenApplied(error));
            Assert.True(Count(platform.Engine, "DELETE", "/connections/" + created.Id) > 1);
            Assert.Empty(await platform.Client.FlowService.BaseConnections.ListAsync().ToListAsync());
        }

        [Fact]
        public async Task When_the_server_says_wait_only_the_throttled_call_waits()
        {
            var clock = new ManualTimeProvider();
            using var platform = new TestPlatform(retry: Patient(TimeSpan.FromMinutes(10)), clientClock: clock);
            platform.Engine.Faults.Enqueue(new ScriptedFault(429, retryAfterSeconds: 30, method: "GET"));

            var throttled = platform.Client.FlowService.GetFlowSpecAsync(WellKnown.CrmToAepFlowSpecId);
            await WaitUntil(() => clock.RequestedDelays.Count == 1);

            // The context slows down rather than stopping: another call goes at once, while the throttled one waits.
            await platform.Client.FlowService.GetConnectionSpecAsync(WellKnown.ShopifyConnectionSpecId);
            Assert.Equal(1, Count(platform.Engine, "GET", "/connectionSpecs/" + WellKnown.ShopifyConnectionSpecId));
            Assert.False(throttled.IsCompleted);
            Assert.InRange(Assert.Single(clock.RequestedDelays), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(33));

            clock.Advance(TimeSpan.FromSeconds(34));
            await throttled;
            Assert.Equal(new[] { 429, 200 }, platform.Engine.Journal.Recent.Where(e => e.Path.EndsWith(FlowSpecPath, StringComparison.Ordinal)).Select(e => e.Status));
        }

        [Fact]
        public async Task A_POST_throttled_with_429_is_retried_and_creates_one_resource()
        {
            using var platform = new TestPlatform();
            var request = await TestPlatform.ShopifyConnectionAsync(platform.Client, "throttled");
            platform.Engine.Faults.Enqueue(new ScriptedFault(429, retryAfterSeconds: 0, method: "POST"));

            await platform.Client.FlowService.BaseConnections.CreateAsync(request);

            Assert.Equal(2, Count(platform.Engine, "POST", "/connections"));
            Assert.Single(await platform.Client.FlowService.BaseConnections.ListAsync().ToListAsync());
        }

        [Fact]
        public async Task A_POST_answered_503_is_not_retried_and_is_marked_as_possibly_applied()
        {
            using var platform = new TestPlatform();
            var request = await TestPlatform.ShopifyConnectionAsync(platform.Client, "unavailable");
            platform.Engine.Faults.Enqueue(new ScriptedFault(503, method: "POST"));

            var error = await Assert.ThrowsAsync<PlatformException>(() => platform.Client.FlowService.BaseConnections.CreateAsync(request));

            Assert.Equal(503, error.StatusCode);
            Assert.True(error.MayHaveBeenApplied);
            Assert.True(RequestOutcome.MayHaveBeenApplied(error));
            Assert.Equal(1, Count(platform.Engine, "POST", "/connections"));
            Assert.Empty(await platform.Client.FlowService.BaseConnections.ListAsync().ToListAsync());
        }

        [Fact]
        public async Task A_POST_the_server_applied_before_a_504_is_not_sent_again()
        {
            using var platform = new TestPlatform();
            var request = await TestPlatform.ShopifyConnectionAsync(platform.Client, "applied");
            platform.Engine.Faults.Enqueue(new ScriptedFault(504, timing: FaultTiming.AfterHandling, method: "POST"));

            var error = await Assert.ThrowsAsync<PlatformException>(() => platform.Client.FlowService.BaseConnections.CreateAsync(request));

            Assert.Equal(504, error.StatusCode);
            Assert.True(RequestOutcome.MayHaveBeenApplied(error));
            Assert.Equal(1, Count(platform.Engine, "POST", "/connections"));
            Assert.Single(await platform.Client.FlowService.BaseConnections.ListAsync().ToListAsync());
        }

        [Theory]
        [InlineData(503)]
        [InlineData(502)]
        [InlineData(504)]
        public async Task A_PATCH_the_server_applied_before_a_5xx_is_not_sent_again(int status)
        {
            using var platform = new TestPlatform();
            var created = await TestPlatform.CreateShopifyConnectionAsync(platform.Client, "before");
            platform.Engine.Faults.Enqueue(new ScriptedFault(status, timing: FaultTiming.AfterHandling, method: "PATCH"));
            var rename = new[] { new JsonPatchOperation("replace", "/name", System.Text.Json.JsonSerializer.SerializeToElement("after")) };

            var error = await Assert.ThrowsAsync<PlatformException>(() => platform.Client.FlowService.BaseConnections.PatchAsync(created.Id, rename, created.Etag!));

            // One PATCH went out and was applied; a second would have met a stale etag (412) and hidden that.
            Assert.Equal(status, error.StatusCode);
            Assert.Equal("PATCH", error.Method);
            Assert.True(RequestOutcome.MayHaveBeenApplied(error));
            Assert.Equal(1, Count(platform.Engine, "PATCH", "/connections/" + created.Id));
            Assert.Equal("after", (await platform.Client.FlowService.BaseConnections.GetAsync(created.Id)).Name);
        }

        [Fact]
        public async Task A_PATCH_throttled_with_429_is_retried_and_applied_once()
        {
            using var platform = new TestPlatform();
            var created = await TestPlatform.CreateShopifyConnectionAsync(platform.Client, "before");
            platform.Engine.Faults.Enqueue(new ScriptedFault(429, retryAfterSeconds: 0, method: "PATCH"));
            var rename = new[] { new JsonPatchOperation("replace", "/name", System.Text.Json.JsonSerializer.SerializeToElement("after")) };

            await platform.Client.FlowService.BaseConnections.PatchAsync(created.Id, rename, created.Etag!);

            Assert.Equal(new[] { 429, 200 }, platform.Engine.Journal.Recent.Where(e => e.Method == "PATCH").Select(e => e.Status));
            Assert.Equal("after", (await platform.Client.FlowService.BaseConnections.GetAsync(created.Id)).Name);
        }

        [Fact]
        public async Task A_POST_whose_answer_was_lost_after_sending_is_not_sent_again_and_says_it_may_have_been_applied()
        {
            var engine = new EmulatorEngine(new EmulatorOptions());
            using var client = TestPlatform.NewClientThrough(engine, emulator => new AnswerLostHandler(emulator, "POST"));
            var request = await TestPlatform.ShopifyConnectionAsync(client, "lost");

            var error = await Assert.ThrowsAsync<OutcomeUnknownException>(() => client.FlowService.BaseConnections.CreateAsync(request));

            Assert.True(RequestOutcome.MayHaveBeenApplied(error));
            Assert.Equal("POST", error.Method);
            Assert.Contains("may have applied it", error.Message, StringComparison.Ordinal);
            Assert.Equal(1, Count(engine, "POST", "/connections"));
            Assert.Single(await client.FlowService.BaseConnections.ListAsync().ToListAsync());
        }

        [Fact]
        public async Task A_GET_whose_answer_was_lost_is_sent_again()
        {
            var engine = new EmulatorEngine(new EmulatorOptions());
            using var client = TestPlatform.NewClientThrough(engine, emulator => new AnswerLostHandler(emulator, "GET"));

            var spec = await client.FlowService.GetFlowSpecAsync(WellKnown.CrmToAepFlowSpecId);

            Assert.Equal(WellKnown.CrmToAepFlowSpecId, spec.Id);
            Assert.Equal(2, Count(engine, "GET", FlowSpecPath));
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
                Retry = new RetryOptions { BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(2), Budget = TimeSpan.FromSeconds(10) },

                // The budget runs on this clock, which moves only by the waits: a slow machine makes no fewer attempts.
                Clock = new ManualTimeProvider { AutoAdvance = true },
            });
            var attempts = new ConcurrentQueue<HttpCallRecord>();

            RetriesExhaustedException error;
            using (HttpCallTrace.Listen(attempts.Enqueue))
            {
                error = await Assert.ThrowsAsync<RetriesExhaustedException>(() => client.FlowService.BaseConnections.CreateAsync(ShopifyConnection("refused")));
            }

            Assert.True(attempts.Count >= 3, attempts.Count + " attempts");
            Assert.Equal(attempts.Count, error.Attempts);
            Assert.All(attempts, a => Assert.Null(a.Status));
            Assert.IsAssignableFrom<HttpRequestException>(error.InnerException);
            Assert.False(RequestOutcome.MayHaveBeenApplied(error));
        }

        private static async Task WaitUntil(Func<bool> condition)
        {
            for (var i = 0; i < 500 && !condition(); i++)
            {
                await Task.Delay(10);
            }

            Assert.True(condition(), "timed out waiting");
        }

        private static int FreePort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }

        /// <summary>The server handles the first request of one method, then the connection drops before its answer arrives.</summary>
        private sealed class AnswerLostHandler : DelegatingHandler
        {
            private readonly string _method;
            private int _dropped;

            public AnswerLostHandler(HttpMessageHandler inner, string method)
                : base(inner)
            {
                _method = method;
            }

            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                var response = await base.SendAsync(request, cancellationToken);
                if (request.Method.Method == _method && Interlocked.Exchange(ref _dropped, 1) == 0)
                {
                    response.Dispose();
                    throw new HttpRequestException("The response ended prematurely.", new IOException("Connection reset by peer", new SocketException((int)SocketError.ConnectionReset)));
                }

                return response;
            }
        }
    }
}
