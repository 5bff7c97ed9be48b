using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PlatformFlow.Benchmarks
{
    /// <summary>The command line (see <see cref="Usage"/>).</summary>
    public sealed class BenchmarkOptions
    {
        public const string Usage =
            "Usage: dotnet run -c Release --project tests/PlatformFlow.Benchmarks -- [--only P1,P3,...] [--check]\n"
            + "         [--rows N] [--latency-ms N] [--throttle-limit N] [--rehearsal-rows N] [--flows N] [--page-size N]";

        /// <summary>The measurements to run (by id); all when empty.</summary>
        public IReadOnlyList<string> Only { get; private set; } = Array.Empty<string>();

        /// <summary>P1: rows onboarded through the cmdlets.</summary>
        public int Rows { get; private set; } = 1000;

        /// <summary>P1: latency the emulator adds to every request (the platform's order of magnitude).</summary>
        public int LatencyMs { get; private set; } = 50;

        /// <summary>P1: -ThrottleLimit of every step.</summary>
        public int ThrottleLimit { get; private set; } = 16;

        /// <summary>R1: rows of the rehearsal under faults.</summary>
        public int RehearsalRows { get; private set; } = 3000;

        /// <summary>P3: flows to create and list.</summary>
        public int Flows { get; private set; } = 100000;

        /// <summary>P3: the page size asked of the platform, as <c>Get-Dataflow -PageSize</c>.</summary>
        public int PageSize { get; private set; } = 1000;

        /// <summary>Compare the results with each measurement's targets and exit 1 when one is missed.</summary>
        public bool Check { get; private set; }

        public bool ShowHelp { get; private set; }

        /// <exception cref="FormatException">An unknown option or a value that is not a positive whole number.</exception>
        public static BenchmarkOptions Parse(string[] args)
        {
            var options = new BenchmarkOptions();
            for (var i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--only":
                        options.Only = ++i < args.Length
                            ? args[i].Split(',').Select(id => id.Trim()).Where(id => id.Length > 0).ToArray()
                            : throw new FormatException("--only needs measurement ids, e.g. P1,P3.");
                        break;
                    case "--rows":
                        options.Rows = PositiveNumber(args, ++i, "--rows");
                        break;
                    case "--latency-ms":
                        options.LatencyMs = PositiveNumber(args, ++i, "--latency-ms");
                        break;
                    case "--throttle-limit":
                        options.ThrottleLimit = PositiveNumber(args, ++i, "--throttle-limit");
                        break;
                    case "--rehearsal-rows":
                        options.RehearsalRows = PositiveNumber(args, ++i, "--rehearsal-rows");
                        break;
                    case "--flows":
                        options.Flows = PositiveNumber(args, ++i, "--flows");
                        break;
                    case "--page-size":
                        options.PageSize = PositiveNumber(args, ++i, "--page-size");
                        break;
                    case "--check":
                        options.Check = true;
                        break;
                    case "--help":
                    case "-h":
                        options.ShowHelp = true;
                        break;
                    default:
                        throw new FormatException("Unknown option '" + args[i] + "'.");
                }
            }

            return options;
        }

        private static int PositiveNumber(string[] args, int index, string option) =>
            index < args.Length && int.TryParse(args[index], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
                ? value
                : throw new FormatException(option + " needs a positive whole number.");
    }
}
