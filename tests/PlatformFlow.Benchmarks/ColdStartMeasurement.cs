using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;

namespace PlatformFlow.Benchmarks
{
    /// <summary>
    /// P9: the quick start. <c>Import-Module</c>, then the first command (<c>Connect-Platform -Emulator</c> and
    /// <c>Get-Dataflow -Count</c>), each timed inside a new PowerShell process with the JIT's share (methods compiled, time
    /// compiling), in <see cref="Runs"/> processes, the median of each; then as many where PowerShell has already imported
    /// an empty module, so what PowerShell's own first import compiles shows apart from PlatformFlow's. After the first
    /// command, each process also lists a few flows twice, cold: through <c>Get-Dataflow</c> and through the library alone
    /// (<see cref="FirstObjectProbe"/>), in turns as to which goes first (the first pays what both share the first time);
    /// the first object of each, as the one that went first, is compared. The floor: as many processes importing the
    /// smallest binary module there is (<c>Scripts/MinimalModule.ps1</c>), what no module's own work can go below.
    /// </summary>
    public sealed class ColdStartMeasurement : IMeasurement
    {
        /// <summary>Fresh processes of each kind; the median, since one process on a shared machine can be slow for reasons of its own.</summary>
        public const int Runs = 5;

        /// <summary>The targets, in milliseconds inside the process: Import-Module, then the first command (both calls).</summary>
        public const double MaxImportMilliseconds = 60, MaxFirstCommandMilliseconds = 120;

        /// <summary>The target for a listing's first object through the cmdlet, as a multiple of the library's alone.</summary>
        public const double MaxFirstObjectRatio = 2;

        public string Id => "P9";

        public Task<MeasurementReport> RunAsync(BenchmarkOptions options)
        {
            var minimalModule = Path.Combine(Path.GetTempPath(), "PlatformFlowBenchmarkMinimal" + Environment.ProcessId, "MinimalModule.psd1");
            PowerShellScript.RunWithModule("MinimalModule.ps1", minimalModule);
            var cold = new List<JsonElement>();
            var warm = new List<JsonElement>();
            var floorCold = new List<JsonElement>();
            var floorWarm = new List<JsonElement>();
            try
            {
                // PlatformFlow and the floor in turns, so load from other work falls on both alike. Which way lists first
                // alternates, within each kind of process, so each goes first in half the processes.
                for (var run = 0; run < Runs; run++)
                {
                    cold.Add(PowerShellScript.Run("FirstCommand.ps1", ListFirst(run), ("ListedFlows", ListedFlows))[0]);
                    floorCold.Add(PowerShellScript.RunWithModule("FirstCommand.ps1", minimalModule, ("ImportOnly", null))[0]);
                }

                for (var run = 0; run < Runs; run++)
                {
                    warm.Add(PowerShellScript.Run("FirstCommand.ps1", ("WarmPowerShell", null), ListFirst(run + 1), ("ListedFlows", ListedFlows))[0]);
                    floorWarm.Add(PowerShellScript.RunWithModule("FirstCommand.ps1", minimalModule, ("WarmPowerShell", null), ("ImportOnly", null))[0]);
                }
            }
            finally
            {
                Directory.Delete(Path.GetDirectoryName(minimalModule)!, recursive: true);
            }

            var import = Phase.Of(cold, "Import");
            var connect = Phase.Of(cold, "Connect");
            var list = Phase.Of(cold, "FirstList");
            var first = Median(cold.Select(r => r.GetProperty("ConnectMs").GetDouble() + r.GetProperty("FirstListMs").GetDouble()));
            var ownImport = Phase.Of(warm, "Import");
            var listings = cold.Concat(warm).ToList();
            var cmdletFirst = FirstObject(listings, "Cmdlet", first: true);
            var libraryFirst = FirstObject(listings, "Library", first: true);
            var firstObjectRatio = cmdletFirst / libraryFirst;
            return Task.FromResult(new MeasurementReport(
                "P9 quick start: a new PowerShell process each, median of " + Runs,
                new List<ReportRow>
                {
                    new ReportRow("Import-Module", import.Describe(),
                        new TargetOutcome("<= " + Units.Milliseconds(MaxImportMilliseconds), import.Milliseconds <= MaxImportMilliseconds, "Import-Module took " + Units.Milliseconds(import.Milliseconds) + " (target <= " + Units.Milliseconds(MaxImportMilliseconds) + ").")),
                    new ReportRow("  after PowerShell imported an empty module", ownImport.Describe()),
                    new ReportRow("PowerShell's floor: a minimal binary module", Phase.Of(floorCold, "Import").Describe()),
                    new ReportRow("  (one cmdlet, a manifest, nothing else), after an empty module", Phase.Of(floorWarm, "Import").Describe()),
                    new ReportRow("Connect-Platform -Emulator", connect.Describe()),
                    new ReportRow("  then Get-Dataflow -Count", list.Describe()),
                    new ReportRow("First command, both", Units.Milliseconds(first),
                        new TargetOutcome("<= " + Units.Milliseconds(MaxFirstCommandMilliseconds), first <= MaxFirstCommandMilliseconds, "The first command took " + Units.Milliseconds(first) + " (target <= " + Units.Milliseconds(MaxFirstCommandMilliseconds) + ").")),
                    new ReportRow("Then a listing's first object (" + ListedFlows + " flows), cold: Get-Dataflow", Units.Milliseconds(cmdletFirst)),
                    new ReportRow("  the library alone (GetDataflowOperation)", Units.Milliseconds(libraryFirst)),
                    new ReportRow("  the cmdlet against the library", Ratio(firstObjectRatio),
                        new TargetOutcome("<= " + Ratio(MaxFirstObjectRatio), firstObjectRatio <= MaxFirstObjectRatio, "Get-Dataflow's first object came after " + Units.Milliseconds(cmdletFirst) + ", " + Ratio(firstObjectRatio) + " the library's " + Units.Milliseconds(libraryFirst) + " (target <= " + Ratio(MaxFirstObjectRatio) + ").")),
                    new ReportRow("  each listed second: Get-Dataflow / the library", Units.Milliseconds(FirstObject(listings, "Cmdlet", first: false)) + " / " + Units.Milliseconds(FirstObject(listings, "Library", first: false))),
                }));
        }

        /// <summary>Flows stored in the emulator before the listings (one page).</summary>
        private const int ListedFlows = 20;

        private static (string Name, object? Value) ListFirst(int run) => ("ListFirst", run % 2 == 0 ? "Cmdlet" : "Library");

        /// <summary>The median first object of one way of listing, over the processes where it listed first (or second).</summary>
        private static double FirstObject(IEnumerable<JsonElement> runs, string way, bool first) =>
            Median(runs.Where(r => r.GetProperty("ListFirst").GetString() == way == first).Select(r => r.GetProperty("FirstObject" + way + "Ms").GetDouble()));

        private static string Ratio(double ratio) => ratio.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + "x";

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
