using System.Collections.Generic;
using System.Diagnostics;
using System.Threading.Tasks;

namespace PlatformFlow.Benchmarks
{
    /// <summary>P4: a fresh PowerShell process: Import-Module, then the first commands (Connect-Platform -Emulator, Get-Dataflow -Count).</summary>
    public sealed class ImportMeasurement : IMeasurement
    {
        /// <summary>Import-Module; measured 0.3 to 0.5 s here, so a slow machine passes while a heavy load at import does not.</summary>
        public const double MaxImportMilliseconds = 2000;

        /// <summary>Connect-Platform -Emulator and Get-Dataflow -Count after it; measured 0.6 to 0.9 s (JIT of the HTTP stack).</summary>
        public const double MaxFirstCommandMilliseconds = 4000;

        public string Id => "P4";

        public Task<MeasurementReport> RunAsync(BenchmarkOptions options)
        {
            var process = Stopwatch.StartNew();
            var run = PowerShellScript.Run("FirstCommand.ps1")[0];
            process.Stop();
            var import = run.GetProperty("ImportMs").GetDouble();
            var first = run.GetProperty("ConnectMs").GetDouble() + run.GetProperty("FirstListMs").GetDouble();
            return Task.FromResult(new MeasurementReport(
                "P4 Import-Module and the first command, in a new PowerShell process",
                new List<ReportRow>
                {
                    new ReportRow("Process, start to end", Units.Milliseconds(process.Elapsed.TotalMilliseconds)),
                    new ReportRow("Import-Module", Units.Milliseconds(import),
                        new TargetOutcome("<= " + Units.Milliseconds(MaxImportMilliseconds), import <= MaxImportMilliseconds, "Import-Module took " + Units.Milliseconds(import) + ".")),
                    new ReportRow("First command (Connect-Platform -Emulator)", Units.Milliseconds(run.GetProperty("ConnectMs").GetDouble())),
                    new ReportRow("  then Get-Dataflow -Count", Units.Milliseconds(run.GetProperty("FirstListMs").GetDouble())),
                    new ReportRow("First commands together", Units.Milliseconds(first),
                        new TargetOutcome("<= " + Units.Milliseconds(MaxFirstCommandMilliseconds), first <= MaxFirstCommandMilliseconds, "The first commands took " + Units.Milliseconds(first) + ".")),
                }));
        }
    }
}
