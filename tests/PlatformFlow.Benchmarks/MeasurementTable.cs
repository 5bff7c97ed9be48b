using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace PlatformFlow.Benchmarks
{
    /// <summary>One measurement's rows under its title: measure, value, and the target with its verdict where there is one.</summary>
    public static class MeasurementTable
    {
        public static void Write(TextWriter output, string title, IReadOnlyList<(string Measure, string Value, TargetOutcome? Target)> rows)
        {
            output.WriteLine(title);
            output.WriteLine();
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
    }
}
