using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;

namespace PlatformFlow.Benchmarks
{
    /// <summary>
    /// P9: the quick start. <c>Import-Module</c>, then the first command (<c>Connect-Platform -Emulator</c> and
    /// <c>Get-Dataflow -Count</c>), each timed inside a new PowerShell process with the JIT's share (methods compiled, time
    /// compiling), in <see cref="Runs"/> processes, the median of each; then as many where PowerShell has already imported
    /// an empty module, so what PowerShell's own first import compiles shows apart from PlatformFlow's.
    /// </summary>
    public sealed class ColdStartMeasurement : IMeasurement
    {
        /// <summary>Fresh processes of each kind; the median, since one process on a shared machine can be slow for reasons of its own.</summary>
        public const int Runs = 5;

        /// <summary>The targets, in milliseconds inside the process: Import-Module, then the first command (both calls).</summary>
        public const double MaxImportMilliseconds = 60, MaxFirstCommandMilliseconds = 120;

        public string Id => "P9";

        public Task<MeasurementReport> RunAsync(BenchmarkOptions options)
        {
            var cold = Enumerable.Range(0, Runs).Select(_ => PowerShellScript.Run("FirstCommand.ps1")[0]).ToList();
            var warm = Enumerable.Range(0, Runs).Select(_ => PowerShellScript.Run("FirstCommand.ps1", ("WarmPowerShell", null))[0]).ToList();
            var import = Phase.Of(cold, "Import");
            var connect = Phase.Of(cold, "Connect");
            var list = Phase.Of(cold, "FirstList");
            var first = Median(cold.Select(r => r.GetProperty("ConnectMs").GetDouble() + r.GetProperty("FirstListMs").GetDouble()));
            var ownImport = Phase.Of(warm, "Import");
            return Task.FromResult(new MeasurementReport(
                "P9 quick start: a new PowerShell process each, median of " + Runs,
                new List<ReportRow>
                {
                    new ReportRow("Import-Module", import.Describe(),
                        new TargetOutcome("<= " + Units.Milliseconds(MaxImportMilliseconds), import.Milliseconds <= MaxImportMilliseconds, "Import-Module took " + Units.Milliseconds(import.Milliseconds) + " (target <= " + Units.Milliseconds(MaxImportMilliseconds) + ").")),
                    new ReportRow("  after PowerShell imported an empty module", ownImport.Describe()),
                    new ReportRow("Connect-Platform -Emulator", connect.Describe()),
                    new ReportRow("  then Get-Dataflow -Count", list.Describe()),
                    new ReportRow("First command, both", Units.Milliseconds(first),
                        new TargetOutcome("<= " + Units.Milliseconds(MaxFirstCommandMilliseconds), first <= MaxFirstCommandMilliseconds, "The first command took " + Units.Milliseconds(first) + " (target <= " + Units.Milliseconds(MaxFirstCommandMilliseconds) + ").")),
                }));
        }

        private static double Median(IEnumerable<double> values)
        {
            var sorted = values.OrderBy(v => v).ToList();
            return sorted[sorted.Count / 2];
        }

        /// <summary>One phase's medians over the runs: wall time, JIT time, methods compiled.</summary>
        private sealed record Phase(double Milliseconds, double JitMilliseconds, double JitMethods)
        {
            public static Phase Of(IReadOnlyList<JsonElement> runs, string name) => new Phase(
                Median(runs.Select(r => r.GetProperty(name + "Ms").GetDouble())),
                Median(runs.Select(r => r.GetProperty(name + "JitMs").GetDouble())),
                Median(runs.Select(r => r.GetProperty(name + "JitMethods").GetDouble())));

            public string Describe() =>
                Units.Milliseconds(Milliseconds) + ", JIT " + Units.Milliseconds(JitMilliseconds) + " (" + Units.Percent(Math.Min(1, JitMilliseconds / Milliseconds)) + ") for " + Units.Whole(JitMethods) + " methods";
        }
    }
}
