using System;
using System.Collections.Concurrent;
using System.Linq;
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
    public sealed class TokenTests
    {
        private static int TokenRequests(EmulatorEngine engine) => engine.Journal.Recent.Count(e => e.Path == "/ims/token/v3");

        [Fact]
        public async Task The_token_is_renewed_before_it_expires()
        {
            var clock = new ManualTimeProvider();
            using var platform = new TestPlatform(new EmulatorOptions { TokenLifetime = TimeSpan.FromHours(1), Clock = clock }, clientClock: clock);

            await platform.Client.FlowService.GetFlowSpecAsync(WellKnown.CrmToAepFlowSpecId);
            clock.Advance(TimeSpan.FromMinutes(50));
            await platform.Client.FlowService.ListConnectionSpecsAsync().ToListAsync();
            Assert.Equal(1, platform.Engine.Tokens.IssuedCount);

            // Renewal is due five minutes before expiry (a tenth of the hour, capped at five minutes).
            clock.Advance(TimeSpan.FromMinutes(6));
            await platform.Client.FlowService.ListConnectionSpecsAsync().ToListAsync();

            Assert.Equal(2, platform.Engine.Tokens.IssuedCount);
            Assert.Equal(2, TokenRequests(platform.Engine));
            Assert.DoesNotContain(platform.Engine.Journal.Recent, e => e.Status == 401);
        }

        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        public async Task A_token_that_expires_during_Retry_After_waits_is_renewed_for_the_next_attempt(int throttles)
        {
            // The headers are set per attempt, inside the retry handler: each attempt after a 20 s wait takes a token
            // renewed for it, so the platform never sees the 8 s token expired and the caller never sees a 401.
            var clock = new ManualTimeProvider { AutoAdvance = true };
            using var platform = new TestPlatform(
                new EmulatorOptions { TokenLifetime = TimeSpan.FromSeconds(8), Clock = clock },
                retry: new RetryOptions { Budget = TimeSpan.FromMinutes(5) },
                clientClock: clock);
            for (var i = 0; i < throttles; i++)
            {
                platform.Engine.Faults.Enqueue(new ScriptedFault(429, retryAfterSeconds: 20, method: "GET"));
            }

            var spec = await platform.Client.FlowService.GetFlowSpecAsync(WellKnown.CrmToAepFlowSpecId);

            Assert.Equal(WellKnown.CrmToAepFlowSpecId, spec.Id);
            Assert.DoesNotContain(platform.Engine.Journal.Recent, e => e.Status == 401);
            Assert.Equal(throttles + 1, TokenRequests(platform.Engine));
            Assert.Equal(throttles, clock.RequestedDelays.Count);
        }

        [Fact]
        public async Task Many_concurrent_calls_share_one_token_request()
        {
            using var platform = new TestPlatform();

            await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => platform.Client.FlowService.ListFlowSpecsAsync().ToListAsync())));

            Assert.Equal(1, TokenRequests(platform.Engine));
            Assert.Equal(50, platform.Engine.Journal.Recent.Count(e => e.Path.EndsWith("/flowSpecs", StringComparison.Ordinal) && e.Status == 200));
        }

        [Fact]
        public async Task A_token_the_platform_stops_accepting_is_replaced_once()
        {
            var emulatorClock = new ManualTimeProvider();
            using var platform = new TestPlatform(new EmulatorOptions { TokenLifetime = TimeSpan.FromHours(1), Clock = emulatorClock });
            await platform.Client.FlowService.ListFlowSpecsAsync().ToListAsync();

            // The client's own clock says the token is fresh; the platform says it expired.
            emulatorClock.Advance(TimeSpan.FromHours(2));
            await platform.Client.FlowService.ListFlowSpecsAsync().ToListAsync();

            Assert.Equal(2, TokenRequests(platform.Engine));
            Assert.Single(platform.Engine.Journal.Recent, e => e.Status == 401);
        }

        [Fact]
        public async Task Wrong_credentials_fail_at_sign_in_and_the_secret_is_never_shown()
        {
            var engine = new EmulatorEngine(new EmulatorOptions { Credentials = new EmulatorCredentials(TestPlatform.ClientId, TestPlatform.ClientSecret) });
            const string wrongSecret = "wrong-secret-0b5e9d";
            using var client = TestPlatform.NewClient(engine, secret: wrongSecret);
            var trace = new ConcurrentQueue<HttpCallRecord>();

            PlatformException error;
            using (HttpCallTrace.Listen(trace.Enqueue))
            {
                error = await Assert.ThrowsAsync<PlatformException>(() => client.SignInAsync(default));
            }

            Assert.Equal("invalid_client", error.ErrorCode);
            Assert.DoesNotContain(wrongSecret, error.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(wrongSecret, client.Options.Credentials!.ToString(), StringComparison.Ordinal);
            Assert.All(trace, record => Assert.DoesNotContain(wrongSecret, record.ToString(), StringComparison.Ordinal));
        }

        [Fact]
        public async Task An_access_token_never_appears_in_errors_or_traces()
        {
            var engine = new EmulatorEngine();
            const string token = "caller-token-5c1d8a";
            using var client = new PlatformClient(new PlatformClientOptions
            {
                BaseUri = TestPlatform.Gateway,
                OrgId = TestPlatform.OrgId,
                AccessToken = "Bearer " + token,
                ApiKey = TestPlatform.ClientId,
                PrimaryHandler = () => new EmulatorHttpMessageHandler(engine),
                Retry = RetryOptions.None,
            });
            var trace = new ConcurrentQueue<HttpCallRecord>();

            PlatformException error;
            using (HttpCallTrace.Listen(trace.Enqueue))
            {
                error = await Assert.ThrowsAsync<PlatformException>(() => client.FlowService.Flows.GetAsync("no-such-flow"));
            }

            Assert.Equal(404, error.StatusCode);
            Assert.DoesNotContain(token, error.ToString(), StringComparison.Ordinal);
            Assert.Contains(trace, record => record.Status == 404);
            Assert.All(trace, record => Assert.DoesNotContain(token, record.ToString(), StringComparison.Ordinal));
        }
    }
}
