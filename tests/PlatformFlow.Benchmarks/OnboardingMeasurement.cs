using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading.Tasks;

namespace PlatformFlow.Benchmarks
{
    /// <summary>
    /// P1: onboarding <c>--rows</c> flows through the real cmdlets in PowerShell (the documented CSV pipeline, every step
    /// with <c>-ThrottleLimit</c>) against the emulator with <c>--latency-ms</c> per request: requests per flow, and the
    /// time against the ceiling <c>rows × 4 × latency / ThrottleLimit</c> (4 writes a flow, that many in flight).
    /// </summary>
    public sealed class OnboardingMeasurement : IMeasurement
    {
        /// <summary>Requests per flow, the amortized reads included (4 writes is the minimum the issue allows for).</summary>
        public const double MaxRequestsPerFlow = 5;

        /// <summary>The run's share of the ceiling's speed.</summary>
        public const double MinShareOfCeiling = 0.8;

        /// <summary>Issue 25 raised it: the run's share of the 3-writes limit <c>rows × 3 × latency / ThrottleLimit</c>, what the pipeline writes a flow.</summary>
        public const double MinShareOfWritesLimit = 0.95;

        public string Id => "P1";

        public Task<MeasurementReport> RunAsync(BenchmarkOptions options)
        {
            var run = PowerShellScript.Run(
                "Onboarding.ps1",
                ("Rows", options.Rows),
                ("LatencyMs", options.LatencyMs),
                ("ThrottleLimit", options.ThrottleLimit))[0];
            var rows = options.Rows;
            var elapsed = run.GetProperty("ElapsedMs").GetDouble();
            var requests = run.GetProperty("Requests").GetInt32();
            var flows = run.GetProperty("Flows").GetInt32();
            var ceiling = rows * 4.0 * options.LatencyMs / options.ThrottleLimit;
            var perFlow = requests / (double)rows;
            var share = ceiling / elapsed;
            var writesLimit = rows * 3.0 * options.LatencyMs / options.ThrottleLimit;
            var writesShare = writesLimit / elapsed;
            return Task.FromResult(new MeasurementReport(
                "P1 onboarding through the cmdlets: " + Units.Whole(rows) + " rows, " + options.LatencyMs + " ms a request, -ThrottleLimit " + options.ThrottleLimit,
                new List<ReportRow>
                {
                    new ReportRow("Flows on the platform", Units.Whole(flows) + " (" + run.GetProperty("Errors").GetInt32() + " errors)",
                        new TargetOutcome("= rows, no error", flows == rows && run.GetProperty("Errors").GetInt32() == 0, "Onboarding left " + flows + " flows for " + rows + " rows, with " + run.GetProperty("Errors").GetInt32() + " errors.")),
                    new ReportRow("Wall time", Units.Milliseconds(elapsed)),
                    new ReportRow("Ceiling (rows x 4 x latency / limit)", Units.Milliseconds(ceiling)),
                    new ReportRow("Share of the ceiling's speed", share.ToString("0.00", CultureInfo.InvariantCulture),
                        new TargetOutcome(">= " + MinShareOfCeiling.ToString("0.0", CultureInfo.InvariantCulture), share >= MinShareOfCeiling, "Onboarding ran at " + share.ToString("0.00", CultureInfo.InvariantCulture) + " of the ceiling's speed (target >= " + MinShareOfCeiling.ToString("0.0", CultureInfo.InvariantCulture) + ").")),
                    new ReportRow("3-writes limit (rows x 3 x latency / limit)", Units.Milliseconds(writesLimit)),
                    new ReportRow("Share of the 3-writes limit", writesShare.ToString("0.00", CultureInfo.InvariantCulture),
                        new TargetOutcome(">= " + MinShareOfWritesLimit.ToString("0.00", CultureInfo.InvariantCulture), writesShare >= MinShareOfWritesLimit, "Onboarding ran at " + writesShare.ToString("0.00", CultureInfo.InvariantCulture) + " of the 3-writes limit's speed (target >= " + MinShareOfWritesLimit.ToString("0.00", CultureInfo.InvariantCulture) + ").")),
                    new ReportRow("Requests", Units.Whole(requests) + " (" + Units.Whole(run.GetProperty("Writes").GetInt32()) + " writes)"),
                    new ReportRow("Requests per flow", perFlow.ToString("0.00", CultureInfo.InvariantCulture),
                        new TargetOutcome("<= " + MaxRequestsPerFlow.ToString("0", CultureInfo.InvariantCulture), perFlow <= MaxRequestsPerFlow, "Onboarding sent " + perFlow.ToString("0.00", CultureInfo.InvariantCulture) + " requests per flow (target <= " + MaxRequestsPerFlow.ToString("0", CultureInfo.InvariantCulture) + ").")),
                    new ReportRow("Thread-pool threads at the end", Units.Whole(run.GetProperty("PoolThreads").GetInt32()) + " (" + Environment.ProcessorCount + " cores)"),
                }));
        }
    }
}
