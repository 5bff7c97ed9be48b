using System;
using System.Linq;
using System.Threading.Tasks;
using PlatformFlow.Client.Errors;
using PlatformFlow.Client.Http;
using PlatformFlow.Emulator.Engine;
using PlatformFlow.Emulator.Host;
using PlatformFlow.Tests.Support;
using Xunit;

namespace PlatformFlow.Tests.Emulator
{
    public sealed class RateLimitTests
    {
        [Fact]
        public void Past_the_allowed_rate_a_window_answers_with_the_whole_seconds_left_in_it()
        {
            var clock = new ManualTimeProvider();
            var limit = new RateLimit(clock);

            Assert.Equal(new int?[] { null, null, null, 1 }, Enumerable.Range(0, 4).Select(_ => limit.Admit(3)).ToArray());
            clock.Advance(TimeSpan.FromMilliseconds(300));
            Assert.Equal(1, limit.Admit(3));

            // The second window starts one second after the first request, with a fresh allowance.
            clock.Advance(TimeSpan.FromMilliseconds(700));
            Assert.Equal(new int?[] { null, null, null, 1 }, Enumerable.Range(0, 4).Select(_ => limit.Admit(3)).ToArray());
        }

        [Fact]
        public void A_window_longer_than_a_second_left_rounds_up()
        {
            var clock = new ManualTimeProvider();
            var limit = new RateLimit(clock);
            Assert.Null(limit.Admit(1));
            clock.Advance(TimeSpan.FromMilliseconds(100));

            Assert.Equal(1, limit.Admit(1));
            clock.Advance(TimeSpan.FromMilliseconds(950));
            Assert.Null(limit.Admit(1));
        }

        [Fact]
        public async Task The_engine_answers_429_past_the_allowed_rate_and_counts_platform_requests_only()
        {
            var clock = new ManualTimeProvider();
            var engine = new EmulatorEngine(new EmulatorOptions { Clock = clock, Faults = new FaultOptions { AllowedRate = 2 } });
            using var client = TestPlatform.NewClient(engine, retry: RetryOptions.None);

            await client.FlowService.Flows.CountAsync();
            await client.FlowService.BaseConnections.CountAsync();
            var refused = await Assert.ThrowsAsync<PlatformException>(() => client.FlowService.Flows.CountAsync());
            clock.Advance(TimeSpan.FromSeconds(1));
            await client.FlowService.Flows.CountAsync();

            Assert.Equal(429, refused.StatusCode);
            Assert.Equal("429001", refused.ErrorCode);

            // The IMS token request before them is not counted.
            Assert.Equal(new[] { 200, 200, 429, 200 }, engine.Journal.Recent.Where(e => e.Path.StartsWith("/data/", StringComparison.Ordinal)).Select(e => e.Status));
            Assert.Single(engine.Journal.Recent, e => e.Path.StartsWith("/ims/", StringComparison.Ordinal));
        }

        [Fact]
        public void The_host_takes_the_allowed_rate()
        {
            Assert.Equal(20, HostOptions.Parse(new[] { "--allowed-rate", "20" }).Emulator.Faults.AllowedRate);
            Assert.Equal(0, HostOptions.Parse(Array.Empty<string>()).Emulator.Faults.AllowedRate);
            Assert.Throws<FormatException>(() => HostOptions.Parse(new[] { "--allowed-rate", "-1" }));
        }

        [Fact]
        public void Scripts_queue_faults_without_naming_the_emulators_types()
        {
            var engine = new EmulatorEngine(new EmulatorOptions());

            engine.Faults.EnqueueStatus(503, "PATCH", afterHandling: true);
            engine.Faults.EnqueueThrottle("GET", 30);

            Assert.Null(engine.Faults.Draw("POST"));
            var throttle = engine.Faults.Draw("GET")!;
            Assert.Equal((429, 30, FaultTiming.BeforeHandling), (throttle.Status, throttle.RetryAfterSeconds, throttle.Timing));
            var unavailable = engine.Faults.Draw("PATCH")!;
            Assert.Equal((503, (int?)null, FaultTiming.AfterHandling), (unavailable.Status, unavailable.RetryAfterSeconds, unavailable.Timing));
        }
    }
}
