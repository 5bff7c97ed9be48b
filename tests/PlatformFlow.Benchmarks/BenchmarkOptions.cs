using System;
using System.Globalization;

namespace PlatformFlow.Benchmarks
{
    /// <summary>The command line: <c>[--flows N] [--page-size N] [--check]</c>.</summary>
    public sealed class BenchmarkOptions
    {
        public const string Usage = "Usage: dotnet run -c Release --project tests/PlatformFlow.Benchmarks -- [--flows N] [--page-size N] [--check]";

        public int Flows { get; private set; } = 5000;

        public int PageSize { get; private set; } = 50;

        /// <summary>Compare the results with <see cref="ListingTargets"/> and exit 1 when one is missed.</summary>
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
