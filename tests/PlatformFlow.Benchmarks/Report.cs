using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

namespace PlatformFlow.Benchmarks
{
    /// <summary>A measurement's results as a table: measure, value, and the target with its verdict where there is one.</summary>
    public static class Report
    {
        public static void Write(TextWriter output, MeasurementReport report)
        {
            output.WriteLine(report.Title + " (" + RuntimeInformation.FrameworkDescription + ", " + Environment.ProcessorCount + " cores, " + BuildConfiguration + ")");
            output.WriteLine();
            var rows = report.Rows;
            var measureWidth = rows.Max(r => r.Measure.Length);
            var valueWidth = rows.Max(r => r.Value.Length);
            output.WriteLine("Measure".PadRight(measureWidth) + "  " + "Value".PadRight(valueWidth) + "  Target");
            output.WriteLine(new string('-', measureWidth) + "  " + new string('-', valueWidth) + "  " + new string('-', 28));
            foreach (var (measure, value, target) in rows)
            {
                var verdict = target is null ? string.Empty : target.Target.PadRight(22) + (target.Met ? "  ok" : "  MISSED");
                output.WriteLine((measure.PadRight(measureWidth) + "  " + value.PadRight(valueWidth) + "  " + verdict).TrimEnd());
            }
        }

#if DEBUG
        private const string BuildConfiguration = "Debug build: not representative";
#else
        private const string BuildConfiguration = "Release";
#endif
    }
}
