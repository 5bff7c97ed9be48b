using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Threading.Tasks;

namespace PlatformFlow.Benchmarks
{
    /// <summary>
    /// P7: P1's onboarding (<c>Scripts/Onboarding.ps1</c>) in an empty sandbox and in one holding
    /// <see cref="SandboxFlows"/> flows (stored straight into the emulator's engine, not sent through the client), one
    /// run each: the big sandbox's time against the empty one's, and how much more the live heap grows during the run.
    /// Finding the existing parts by name must cost in proportion to the rows, not to the sandbox.
    /// </summary>
    public sealed class LargeSandboxMeasurement : IMeasurement
    {
        public const int SandboxFlows = 20000;

        /// <summary>The big sandbox's time as a multiple of the empty one's, at most.</summary>
        public const double MaxTimeRatio = 1.1;

        /// <summary>How much more the live heap may grow during the run in the big sandbox than in the empty one.</summary>
        public const double MaxExtraHeapMegabytes = 30;

        public string Id => "P7";

        public Task<MeasurementReport> RunAsync(BenchmarkOptions options)
        {
            var empty = Onboard(options, 0);
            var big = Onboard(options, SandboxFlows);
            var ratio = Elapsed(big) / Elapsed(empty);
            var extraHeap = HeapGrowth(big) - HeapGrowth(empty);
            var ok = Errors(empty) == 0 && Errors(big) == 0 && Flows(empty) == options.Rows && Flows(big) == options.Rows;
            return Task.FromResult(new MeasurementReport(
                "P7 P1's onboarding in a sandbox holding " + Units.Whole(SandboxFlows) + " flows: " + Units.Whole(options.Rows) + " rows, " + options.LatencyMs + " ms a request, -ThrottleLimit " + options.ThrottleLimit,
                new List<ReportRow>
                {
                    new ReportRow("Flows made (empty / big sandbox)", Units.Whole(Flows(empty)) + " / " + Units.Whole(Flows(big)) + " (" + Errors(empty) + " / " + Errors(big) + " errors)",
                        new TargetOutcome("= rows, no error", ok, "The onboarding made " + Flows(empty) + " and " + Flows(big) + " flows for " + options.Rows + " rows, with " + Errors(empty) + " and " + Errors(big) + " errors.")),
                    new ReportRow("Wall time, empty sandbox", Units.Milliseconds(Elapsed(empty))),
                    new ReportRow("Wall time, " + Units.Whole(SandboxFlows) + " flows", Units.Milliseconds(Elapsed(big))),
                    new ReportRow("Time ratio (big / empty)", ratio.ToString("0.00", CultureInfo.InvariantCulture),
                        new TargetOutcome("<= " + MaxTimeRatio.ToString("0.0", CultureInfo.InvariantCulture), ratio <= MaxTimeRatio, "The onboarding took " + ratio.ToString("0.00", CultureInfo.InvariantCulture) + " times as long in the big sandbox (target <= " + MaxTimeRatio.ToString("0.0", CultureInfo.InvariantCulture) + ").")),
                    new ReportRow("Requests per flow (empty / big)", PerFlow(empty, options) + " / " + PerFlow(big, options)),
                    new ReportRow("Live heap growth during the run (empty / big)", Units.Megabytes(HeapGrowth(empty) * Megabyte) + " / " + Units.Megabytes(HeapGrowth(big) * Megabyte)),
                    new ReportRow("Extra heap growth in the big sandbox", Units.SignedMegabytes(extraHeap * Megabyte),
                        new TargetOutcome("<= +" + MaxExtraHeapMegabytes.ToString("0", CultureInfo.InvariantCulture) + " MB", extraHeap <= MaxExtraHeapMegabytes, "The live heap grew " + extraHeap.ToString("0.0", CultureInfo.InvariantCulture) + " MB more in the big sandbox (target <= " + MaxExtraHeapMegabytes.ToString("0", CultureInfo.InvariantCulture) + " MB).")),
                }));
        }

        private const double Megabyte = 1024 * 1024;

        private static JsonElement Onboard(BenchmarkOptions options, int sandboxFlows) =>
            PowerShellScript.Run(
                "Onboarding.ps1",
                ("Rows", options.Rows),
                ("LatencyMs", options.LatencyMs),
                ("ThrottleLimit", options.ThrottleLimit),
                ("SandboxFlows", sandboxFlows))[0];

        private static double Elapsed(JsonElement run) => run.GetProperty("ElapsedMs").GetDouble();

        private static double HeapGrowth(JsonElement run) => run.GetProperty("HeapAfterMb").GetDouble() - run.GetProperty("HeapBeforeMb").GetDouble();

        private static int Errors(JsonElement run) => run.GetProperty("Errors").GetInt32();

        private static int Flows(JsonElement run) => run.GetProperty("Flows").GetInt32();

        private static string PerFlow(JsonElement run, BenchmarkOptions options) => (run.GetProperty("Requests").GetInt32() / (double)options.Rows).ToString("0.00", CultureInfo.InvariantCulture);
    }
}
