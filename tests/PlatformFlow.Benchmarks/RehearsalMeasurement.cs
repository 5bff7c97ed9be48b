using System.Collections.Generic;
using System.Text.Json;
using System.Threading.Tasks;

namespace PlatformFlow.Benchmarks
{
    /// <summary>
    /// R1: the bulk pipeline rehearsed under faults (10% 429, 10% 503, 3% connections dropped before and 3% after the
    /// emulator applied a request): a first run stopped half-way (as a killed job), a second that finishes the job, a
    /// third (a re-run in a new session) that must create nothing. Flows, duplicates and orphaned connections.
    /// </summary>
    public sealed class RehearsalMeasurement : IMeasurement
    {
        public string Id => "R1";

        public Task<MeasurementReport> RunAsync(BenchmarkOptions options)
        {
            var rows = options.RehearsalRows;
            var runs = PowerShellScript.Run(
                "Onboarding.ps1",
                ("Rows", rows),
                ("LatencyMs", 5),
                ("ThrottleLimit", 16),
                ("ThrottleRate", "0.1"),
                ("UnavailableRate", "0.1"),
                ("ResetBeforeRate", "0.03"),
                ("ResetAfterRate", "0.03"),
                ("Runs", 3),
                ("StopFirstRunAfter", rows / 2),
                ("NewSessionPerRun", null));
            var (stopped, finished, rerun) = (runs[0], runs[1], runs[2]);
            var report = new List<ReportRow>
            {
                Row("Run 1 (stopped after " + rows / 2 + " flows): faults injected", stopped, "Faulted"),
                new ReportRow("  flows / orphaned source, target connections", Int(stopped, "Flows") + " / " + Int(stopped, "OrphanedSources") + ", " + Int(stopped, "OrphanedTargets")),
                Row("Run 2 (finishes the job): faults injected", finished, "Faulted"),
                new ReportRow("  errors", Int(finished, "Errors").ToString(), Expect("0", Int(finished, "Errors") == 0, "The finishing run wrote " + Int(finished, "Errors") + " errors: " + finished.GetProperty("ErrorIds"))),
                new ReportRow("  flows", Int(finished, "Flows") + " for " + rows + " rows", Expect("= rows", Int(finished, "Flows") == rows, "The rehearsal left " + Int(finished, "Flows") + " flows for " + rows + " rows.")),
                new ReportRow("  duplicate flows", Int(finished, "DuplicateFlows").ToString(), Expect("0", Int(finished, "DuplicateFlows") == 0, "The rehearsal made " + Int(finished, "DuplicateFlows") + " duplicate flows.")),
                new ReportRow("  source / target connections", Int(finished, "SourceConnections") + " / " + Int(finished, "TargetConnections")),
                new ReportRow("  orphaned source + target connections", (Int(finished, "OrphanedSources") + Int(finished, "OrphanedTargets")).ToString(),
                    Expect("0", Int(finished, "OrphanedSources") + Int(finished, "OrphanedTargets") == 0, "The rehearsal left " + Int(finished, "OrphanedSources") + " source and " + Int(finished, "OrphanedTargets") + " target connections unused.")),
                new ReportRow("  mapping sets", Int(finished, "MappingSets").ToString()),
                new ReportRow("Run 3 (re-run, new session): writes", Int(rerun, "Writes").ToString(), Expect("0", Int(rerun, "Writes") == 0, "The re-run sent " + Int(rerun, "Writes") + " writes.")),
                new ReportRow("  rows with every part reused", Int(rerun, "PartsReused") + " of " + rows, Expect("= rows", Int(rerun, "PartsReused") == rows, "The re-run reused every part of " + Int(rerun, "PartsReused") + " rows only, of " + rows + ".")),
            };
            return Task.FromResult(new MeasurementReport("R1 rehearsal under 10% 429, 10% 503, 3%+3% dropped connections: " + rows + " rows", report));
        }

        private static int Int(JsonElement run, string name) => run.GetProperty(name).GetInt32();

        private static ReportRow Row(string measure, JsonElement run, string name) => new ReportRow(measure, Int(run, name).ToString());

        private static TargetOutcome Expect(string target, bool met, string failure) => new TargetOutcome(target, met, failure);
    }
}
