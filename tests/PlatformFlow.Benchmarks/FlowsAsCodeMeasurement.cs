using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Threading.Tasks;

namespace PlatformFlow.Benchmarks
{
    /// <summary>
    /// P8: flows as code at pipeline speed (<c>Scripts/FlowsAsCode.ps1</c>): <see cref="Flows"/> definitions exported
    /// from one sandbox, then, with <c>--latency-ms</c> a request, <c>Import-Dataflow -ThrottleLimit</c> of them all into
    /// the other (the time against the ceiling <c>flows × 4 × latency / ThrottleLimit</c>, and requests per flow), an
    /// unchanged re-import in a new session (reads per flow, no write), and an export of them all in a new session.
    /// </summary>
    public sealed class FlowsAsCodeMeasurement : IMeasurement
    {
        public const int Flows = 200;

        public const double MinShareOfCeiling = 0.8;

        public const double MaxCreateRequestsPerFlow = 5;

        public const double MaxUnchangedRequestsPerFlow = 1.2;

        public const double MaxExportRequestsPerFlow = 1.5;

        public string Id => "P8";

        public Task<MeasurementReport> RunAsync(BenchmarkOptions options)
        {
            var run = PowerShellScript.Run("FlowsAsCode.ps1", ("Flows", Flows), ("LatencyMs", options.LatencyMs), ("ThrottleLimit", options.ThrottleLimit))[0];
            var ceiling = Flows * 4.0 * options.LatencyMs / options.ThrottleLimit;
            var share = ceiling / run.GetProperty("CreateMs").GetDouble();
            var create = PerFlow(run, "CreateRequests");
            var unchanged = PerFlow(run, "AgainRequests");
            var export = PerFlow(run, "ExportRequests");
            var complete = Whole(run, "Created") == Flows && Whole(run, "ProdFlows") == Flows && Whole(run, "Unchanged") == Flows && Whole(run, "AgainWrites") == 0
                && Whole(run, "Exported") == Flows && Whole(run, "IdenticalExports") == Flows;
            return Task.FromResult(new MeasurementReport(
                "P8 flows as code: " + Flows + " flows, " + options.LatencyMs + " ms a request, -ThrottleLimit " + options.ThrottleLimit,
                new List<ReportRow>
                {
                    new ReportRow("Created / unchanged on re-import / exported byte-identical", Whole(run, "Created") + " / " + Whole(run, "Unchanged") + " / " + Whole(run, "IdenticalExports")
                        + " (" + Whole(run, "MappingSets") + " mapping set, " + Whole(run, "AgainWrites") + " writes on re-import)",
                        new TargetOutcome("all " + Flows + ", no write on re-import", complete, "Of " + Flows + " flows: " + Whole(run, "Created") + " created, " + Whole(run, "Unchanged") + " unchanged on re-import (" + Whole(run, "AgainWrites") + " writes), " + Whole(run, "IdenticalExports") + " exported byte-identical.")),
                    new ReportRow("Import-Dataflow (create)", Units.Milliseconds(run.GetProperty("CreateMs").GetDouble())),
                    new ReportRow("Ceiling (flows x 4 x latency / limit)", Units.Milliseconds(ceiling)),
                    new ReportRow("Share of the ceiling's speed", Ratio(share),
                        new TargetOutcome(">= " + Ratio(MinShareOfCeiling), share >= MinShareOfCeiling, "The import ran at " + Ratio(share) + " of the ceiling's speed (target >= " + Ratio(MinShareOfCeiling) + ").")),
                    new ReportRow("Requests per flow, create", Ratio(create),
                        new TargetOutcome("<= " + Ratio(MaxCreateRequestsPerFlow), create <= MaxCreateRequestsPerFlow, "The import sent " + Ratio(create) + " requests per flow (target <= " + Ratio(MaxCreateRequestsPerFlow) + ").")),
                    new ReportRow("Unchanged re-import, new session", Units.Milliseconds(run.GetProperty("AgainMs").GetDouble())),
                    new ReportRow("Requests per flow, unchanged re-import", Ratio(unchanged),
                        new TargetOutcome("<= " + Ratio(MaxUnchangedRequestsPerFlow), unchanged <= MaxUnchangedRequestsPerFlow, "The re-import sent " + Ratio(unchanged) + " requests per flow (target <= " + Ratio(MaxUnchangedRequestsPerFlow) + ").")),
                    new ReportRow("Get-Dataflow | Export-Dataflow, new session", Units.Milliseconds(run.GetProperty("ExportMs").GetDouble())),
                    new ReportRow("Requests per flow, export", Ratio(export),
                        new TargetOutcome("<= " + Ratio(MaxExportRequestsPerFlow), export <= MaxExportRequestsPerFlow, "The export sent " + Ratio(export) + " requests per flow (target <= " + Ratio(MaxExportRequestsPerFlow) + ").")),
                }));
        }

        private static int Whole(JsonElement run, string name) => run.GetProperty(name).GetInt32();

        private static double PerFlow(JsonElement run, string name) => run.GetProperty(name).GetInt32() / (double)Flows;

        private static string Ratio(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
    }
}
