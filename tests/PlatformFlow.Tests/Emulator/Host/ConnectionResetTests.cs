using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using PlatformFlow.Emulator.Engine;
using PlatformFlow.Emulator.Host;
using PlatformFlow.Tests.Emulator.FlowService;
using Xunit;

namespace PlatformFlow.Tests.Emulator.Host
{
    /// <summary>Injected dropped connections: before the request is applied (nothing changes) or after (the change stays).</summary>
    public sealed class ConnectionResetTests
    {
        [Theory]
        [InlineData(FaultTiming.BeforeHandling, 0)]
        [InlineData(FaultTiming.AfterHandling, 1)]
        public async Task Over_http_the_connection_is_dropped_and_the_write_is_applied_only_after_handling(FaultTiming timing, int connectionsAfter)
        {
            var engine = new EmulatorEngine();
            await using var server = await EmulatorServer.StartAsync(engine, 0);
            using var client = new HttpClient { BaseAddress = server.BaseAddress };
            FlowServiceTestBed.AddPlatformHeaders(client, "prod");
            engine.Faults.EnqueueConnectionReset(timing, "POST");

            await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync(FlowServiceTestBed.Flow + "/connections",
                new StringContent(FlowServiceTestBed.ShopifyConnectionBody().ToJsonString(), Encoding.UTF8, "application/json")));

            var listed = System.Text.Json.Nodes.JsonNode.Parse(await client.GetStringAsync(FlowServiceTestBed.Flow + "/connections"))!;
            Assert.Equal(connectionsAfter, listed["items"]!.AsArray().Count);
            Assert.Equal(0, engine.Journal.Recent.Single(e => e.Method == "POST").Status);
        }

        [Fact]
        public async Task In_process_a_dropped_connection_is_an_HttpRequestException_over_an_IOException()
        {
            var engine = new EmulatorEngine(new EmulatorOptions { Faults = { ResetBeforeRate = 1 } });
            using var client = new HttpClient(new EmulatorHttpMessageHandler(engine)) { BaseAddress = new Uri("https://platform.test") };
            FlowServiceTestBed.AddPlatformHeaders(client, "prod");

            var failure = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(FlowServiceTestBed.Flow + "/connections"));

            Assert.IsType<System.IO.IOException>(failure.InnerException);
        }

        [Fact]
        public void The_random_draw_gives_each_fault_its_share()
        {
            var injector = new FaultInjector(new FaultOptions { ThrottleRate = 0.1, UnavailableRate = 0.1, ResetBeforeRate = 0.05, ResetAfterRate = 0.05, Seed = 3 });

            var draws = Enumerable.Range(0, 20000).Select(_ => injector.Draw("POST")).ToList();

            Assert.InRange(draws.Count(f => f?.Status == 429), 1800, 2200);
            Assert.InRange(draws.Count(f => f?.Status == 503), 1800, 2200);
            Assert.InRange(draws.Count(f => f is { IsConnectionReset: true, Timing: FaultTiming.BeforeHandling }), 850, 1150);
            Assert.InRange(draws.Count(f => f is { IsConnectionReset: true, Timing: FaultTiming.AfterHandling }), 850, 1150);
            Assert.InRange(draws.Count(f => f is null), 13500, 14500);
        }

        [Fact]
        public void The_host_takes_the_reset_rates_and_refuses_shares_above_one_in_all()
        {
            var options = HostOptions.Parse(new[] { "--reset-before-rate", "0.03", "--reset-after-rate", "0.04" });

            Assert.Equal(0.03, options.Emulator.Faults.ResetBeforeRate);
            Assert.Equal(0.04, options.Emulator.Faults.ResetAfterRate);
            var tooMuch = Assert.Throws<FormatException>(() => HostOptions.Parse(new[] { "--throttle-rate", "0.5", "--reset-after-rate", "0.6" }));
            Assert.Contains("--reset-after-rate", tooMuch.Message);
        }
    }
}
