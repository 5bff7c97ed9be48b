using System;
using System.Collections.Generic;
using System.Globalization;

namespace PlatformFlow.Benchmarks
{
    /// <summary>The command line: <c>[--flows N] [--page-size N] [--check]</c>.</summary>
    public sealed class BenchmarkOptions
    {
        public const string Usage = "Usage: dotnet run -c Release --project tests/PlatformFlow.Benchmarks -- [--flows N] [--page-size N] [--only listing,P2,P5] [--check]";

        public int Flows { get; private set; } = 5000;

        public int PageSize { get; private set; } = 50;

        /// <summary>Compare the results with <see cref="ListingTargets"/> and exit 1 when one is missed.</summary>
        public bool Check { get; private set; }

        public bool ShowHelp { get; private set; }

        /// <summary>The measurements named by <c>--only</c> (e.g. <c>P2,P5</c>); null runs all of them.</summary>
        public ISet<string>? Only { get; private set; }

        public bool Runs(string measurement) => Only is null || Only.Contains(measurement);

        /// <exception cref="FormatException">An unknown option or a value that is not a positive whole number.</exception>
        public static BenchmarkOptions Parse(string[] args)
        {
            var options = new BenchmarkOptions();
            for (var i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--flows":
                        options.Flows = PositiveNumber(args, ++i, "--flows");
                        break;
                    case "--page-size":
                        options.PageSize = PositiveNumber(args, ++i, "--page-size");
                        break;
                    case "--only":
                        options.Only = ++i < args.Length && args[i].Length > 0
                            ? new HashSet<string>(args[i].Split(','), StringComparer.OrdinalIgnoreCase)
                            : throw new FormatException("--only needs measurement names, e.g. P2,P5.");
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
