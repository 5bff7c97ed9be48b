using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;

namespace PlatformFlow.Benchmarks
{
    /// <summary>
    /// Checks the speed and memory of listing against the in-process emulator (listing), the client's overhead over a raw
    /// HttpClient (P2) and its handling of a 429 storm (P5): <c>[--flows N] [--page-size N] [--only listing,P2,P5] [--check]</c>.
    /// Exit codes: 0 done (and targets met with --check), 1 a target missed or the listing failed, 2 bad arguments.
    /// </summary>
    public static class Program
    {
        public static async Task<int> Main(string[] args)
        {
            BenchmarkOptions options;
            try
            {
                options = BenchmarkOptions.Parse(args);
            }
            catch (FormatException ex)
            {
                Console.Error.WriteLine(ex.Message);
                Console.Error.WriteLine(BenchmarkOptions.Usage);
                return 2;
            }

            if (options.ShowHelp)
            {
                Console.WriteLine(BenchmarkOptions.Usage);
                return 0;
            }

            var targets = new List<TargetOutcome>();
            if (options.Runs("listing"))
            {
                using var platform = new EmulatedPlatform();
                Console.Write("Creating " + Units.Whole(options.Flows) + " flows in the emulator... ");
                var setup = Stopwatch.StartNew();
                await platform.CreateFlowsAsync(options.Flows).ConfigureAwait(false);
                Console.WriteLine("done in " + Units.Milliseconds(setup.Elapsed.TotalMilliseconds) + ".");
                Console.WriteLine();

                ListingResult result;
                try
                {
                    result = await new ListingBenchmark(platform, options.PageSize).RunAsync(options.Flows).ConfigureAwait(false);
                }
                catch (InvalidOperationException ex)
                {
                    Console.Error.WriteLine("The listing failed: " + ex.Message);
                    return 1;
                }

                var listing = ListingTargets.Evaluate(result);
                Report.Write(Console.Out, result, listing);
                Console.WriteLine();
                targets.AddRange(listing.All);
            }

            if (options.Runs("P2"))
            {
                targets.AddRange(await OverheadBenchmark.RunAndReportAsync(Console.Out).ConfigureAwait(false));
                Console.WriteLine();
            }

            if (options.Runs("P5"))
            {
                targets.AddRange(await ThrottleStormBenchmark.RunAndReportAsync(Console.Out).ConfigureAwait(false));
                Console.WriteLine();
            }

            if (!options.Check)
            {
                Console.WriteLine("Targets not enforced; run with --check to exit 1 when one is missed.");
                return 0;
            }

            var missed = targets.Where(t => !t.Met).ToList();
            foreach (var target in missed)
            {
                Console.Error.WriteLine("MISSED: " + target.Failure);
            }

            Console.WriteLine(missed.Count == 0 ? "All targets met." : missed.Count + " target(s) missed.");
            return missed.Count == 0 ? 0 : 1;
        }
    }
}
