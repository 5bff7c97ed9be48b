using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace PlatformFlow.Benchmarks
{
    /// <summary>
    /// One measurement of the benchmark (P1 onboarding, P3 listing...), in a file of its own: the program finds every
    /// implementation in this assembly and runs them in the order of their ids, so adding one changes no other file.
    /// </summary>
    public interface IMeasurement
    {
        /// <summary>A short id, e.g. <c>P1</c>; <c>--only P1,P3</c> picks by it.</summary>
        string Id { get; }

        Task<MeasurementReport> RunAsync(BenchmarkOptions options);
    }

    /// <summary>One line of a measurement's table; <paramref name="Target"/> when the line is checked.</summary>
    public sealed record ReportRow(string Measure, string Value, TargetOutcome? Target = null);

    /// <summary>What a measurement found: a title and its table.</summary>
    public sealed class MeasurementReport
    {
        public MeasurementReport(string title, IReadOnlyList<ReportRow> rows)
        {
            Title = title;
            Rows = rows;
        }

        public string Title { get; }

        public IReadOnlyList<ReportRow> Rows { get; }

        public IEnumerable<TargetOutcome> Targets => Rows.Where(r => r.Target != null).Select(r => r.Target!);
    }
}
