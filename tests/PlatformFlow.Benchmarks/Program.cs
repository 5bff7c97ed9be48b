using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;

namespace PlatformFlow.Benchmarks
{
    /// <summary>
    /// Checks the speed and memory of listing against the in-process emulator: <c>[--flows N] [--page-size N] [--check]</c>.
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

            var targets = ListingTargets.Evaluate(result);
            Report.Write(Console.Out, result, targets);
            Console.WriteLine();
            if (!options.Check)
            {
                Console.WriteLine("Targets not enforced; run with --check to exit 1 when one is missed.");
                return 0;
            }

            var missed = targets.All.Where(t => !t.Met).ToList();
            foreach (var target in missed)
            {
                Console.Error.WriteLine("MISSED: " + target.Failure);
            }

            Console.WriteLine(missed.Count == 0 ? "All targets met." : missed.Count + " target(s) missed.");
            return missed.Count == 0 ? 0 : 1;
        }
    }
}
