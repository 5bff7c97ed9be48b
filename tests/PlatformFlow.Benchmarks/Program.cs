using System;
using System.Linq;
using System.Threading.Tasks;

namespace PlatformFlow.Benchmarks
{
    /// <summary>
    /// Runs every measurement (<see cref="IMeasurement"/>: one file each) or those <c>--only</c> names, prints each table
    /// and, with <c>--check</c>, exits 1 when a target is missed. Exit codes: 0 done (and targets met with --check), 1 a
    /// target missed or a measurement failed, 2 bad arguments.
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

            var measurements = typeof(Program).Assembly.GetTypes()
                .Where(t => typeof(IMeasurement).IsAssignableFrom(t) && t.IsClass && !t.IsAbstract)
                .Select(t => (IMeasurement)Activator.CreateInstance(t)!)
                .Where(m => options.Only.Count == 0 || options.Only.Contains(m.Id, StringComparer.OrdinalIgnoreCase))
                .OrderBy(m => m.Id, StringComparer.Ordinal)
                .ToList();
            var unknown = options.Only.Where(id => !measurements.Any(m => string.Equals(m.Id, id, StringComparison.OrdinalIgnoreCase))).ToList();
            if (unknown.Count > 0)
            {
                Console.Error.WriteLine("No measurement is called " + string.Join(", ", unknown) + ".");
                return 2;
            }

            var missed = 0;
            var failed = 0;
            foreach (var measurement in measurements)
            {
                MeasurementReport report;
                try
                {
                    report = await measurement.RunAsync(options).ConfigureAwait(false);
                }
                catch (InvalidOperationException ex)
                {
                    Console.Error.WriteLine(measurement.Id + " failed: " + ex.Message);
                    failed++;
                    continue;
                }

                Report.Write(Console.Out, report);
                Console.WriteLine();
                foreach (var target in report.Targets.Where(t => !t.Met))
                {
                    missed++;
                    if (options.Check)
                    {
                        Console.Error.WriteLine("MISSED (" + measurement.Id + "): " + target.Failure);
                    }
                }
            }

            if (!options.Check)
            {
                Console.WriteLine("Targets not enforced; run with --check to exit 1 when one is missed.");
                return failed == 0 ? 0 : 1;
            }

            Console.WriteLine(missed + failed == 0 ? "All targets met." : missed + " target(s) missed, " + failed + " measurement(s) failed.");
            return missed + failed == 0 ? 0 : 1;
        }
    }
}
