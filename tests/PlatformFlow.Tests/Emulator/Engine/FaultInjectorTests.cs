using System.Collections.Generic;
using System.Linq;
using PlatformFlow.Emulator.Engine;
using Xunit;

namespace PlatformFlow.Tests.Emulator.Engine
{
    /// <summary>Which fault a request draws: scripted ones first and in order, then the configured random shares.</summary>
    public sealed class FaultInjectorTests
    {
        [Fact]
        public void Scripted_faults_go_to_the_first_request_of_their_method_in_the_order_queued()
        {
            var faults = new FaultInjector(new FaultOptions());
            faults.Enqueue(503, FaultTiming.AfterHandling, "patch");
            faults.EnqueueConnectionReset(FaultTiming.BeforeHandling, "GET");
            faults.Enqueue(504, FaultTiming.BeforeHandling);
            faults.Enqueue(500, FaultTiming.BeforeHandling, "PATCH");

            Assert.Equal("504 BeforeHandling", Describe(faults.Draw("POST")));
            Assert.Equal("503 AfterHandling", Describe(faults.Draw("PATCH")));
            Assert.Equal("reset BeforeHandling", Describe(faults.Draw("get")));
            Assert.Null(faults.Draw("GET"));
            Assert.Equal("500 BeforeHandling", Describe(faults.Draw("PATCH")));
            Assert.Null(faults.Draw("PATCH"));
        }

        [Theory]
        [InlineData(1.0, 0.0, 0.0, 0.0, "429 BeforeHandling retry 7")]
        [InlineData(0.0, 1.0, 0.0, 0.0, "503 BeforeHandling")]
        [InlineData(0.0, 0.0, 1.0, 0.0, "reset BeforeHandling")]
        [InlineData(0.0, 0.0, 0.0, 1.0, "reset AfterHandling")]
        public void A_share_of_one_gives_every_request_that_fault(double throttle, double unavailable, double resetBefore, double resetAfter, string expected)
        {
            var faults = new FaultInjector(new FaultOptions { ThrottleRate = throttle, UnavailableRate = unavailable, ResetBeforeRate = resetBefore, ResetAfterRate = resetAfter, RetryAfterSeconds = 7, Seed = 3 });

            Assert.Equal(Enumerable.Repeat(expected, 100), Draws(faults, 100));
        }

        [Fact]
        public void No_shares_give_no_faults()
        {
            var faults = new FaultInjector(new FaultOptions { Seed = 3 });

            Assert.All(Enumerable.Range(0, 100), _ => Assert.Null(faults.Draw("GET")));
        }

        [Fact]
        public void Four_shares_of_a_fifth_each_give_each_fault_to_about_a_fifth_of_the_requests()
        {
            var faults = new FaultInjector(new FaultOptions { ThrottleRate = 0.2, UnavailableRate = 0.2, ResetBeforeRate = 0.2, ResetAfterRate = 0.2, Seed = 11 });

            var drawn = Draws(faults, 2000).GroupBy(d => d).ToDictionary(g => g.Key, g => g.Count());

            Assert.Equal(new[] { "429 BeforeHandling retry 1", "503 BeforeHandling", "none", "reset AfterHandling", "reset BeforeHandling" }, drawn.Keys.OrderBy(k => k, System.StringComparer.Ordinal));
            Assert.All(drawn.Values, count => Assert.InRange(count, 320, 480));
        }

        [Fact]
        public void Reseeding_repeats_the_draws_of_that_seed()
        {
            var options = new FaultOptions { ThrottleRate = 0.3, UnavailableRate = 0.3, Seed = 5 };
            var first = new FaultInjector(options);
            var again = new FaultInjector(options);
            var fromSeed = Draws(first, 50);

            Assert.Equal(fromSeed, Draws(again, 50));
            Assert.NotEqual(fromSeed, Draws(first, 50));
            first.Reseed(5);
            Assert.Equal(fromSeed, Draws(first, 50));
            Assert.Same(options, first.Options);
        }

        private static List<string> Draws(FaultInjector faults, int count) => Enumerable.Range(0, count).Select(_ => Describe(faults.Draw("GET"))).ToList();

        private static string Describe(ScriptedFault? fault) =>
            fault is null ? "none"
            : (fault.IsConnectionReset ? "reset" : fault.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)) + " " + fault.Timing
                + (fault.RetryAfterSeconds is int seconds ? " retry " + seconds : string.Empty);
    }
}
