using System.Collections.Generic;
using System.Text.Json;
using System.Threading.Tasks;

namespace PlatformFlow.Benchmarks
{
    /// <summary>
    /// R1: the bulk pipeline rehearsed under faults (15% 429, 15% 503, 3% connections dropped before and 3% after the
    /// emulator applied a request): a first run stopped a third of the way (as a killed job), a second, in a new session,
    /// stopped two thirds of the way, a third that finishes the job, a fourth (a re-run in a new session) that must create
    /// nothing. Flows, duplicates and orphaned connections.
    /// </summary>
    public sealed class RehearsalMeasurement : IMeasurement
    {
        public const string ThrottleRate = "0.15";
        public const string UnavailableRate = "0.15";
        public const string DroppedRate = "0.03";

        public string Id => "R1";

        public Task<MeasurementReport> RunAsync(BenchmarkOptions options)
        {
            var rows = options.RehearsalRows;
            var (firstStop, secondStop) = (rows / 3, rows * 2 / 3);
            var runs = PowerShellScript.Run(
                "Onboarding.ps1",
                ("Rows", rows),
                ("LatencyMs", 5),
                ("ThrottleLimit", 16),
                ("ThrottleRate", ThrottleRate),
                ("UnavailableRate", UnavailableRate),
                ("ResetBeforeRate", DroppedRate),
                ("ResetAfterRate", DroppedRate),
                ("Runs", 4),
                ("StopRunsAfter", firstStop + "," + secondStop),
                ("NewSessionPerRun", null));
            var (stopped, stoppedAgain, finished, rerun) = (runs[0], runs[1], runs[2], runs[3]);
            var report = new List<ReportRow>
            {
                Row("Run 1 (stopped after " + firstStop + " flows): faults injected", stopped, "Faulted"),
                new ReportRow("  flows / orphaned source, target connections", Int(stopped, "Flows") + " / " + Int(stopped, "OrphanedSources") + ", " + Int(stopped, "OrphanedTargets")),
                Row("Run 2 (stopped after " + secondStop + " flows): faults injected", stoppedAgain, "Faulted"),
                new ReportRow("  flows / orphaned source, target connections", Int(stoppedAgain, "Flows") + " / " + Int(stoppedAgain, "OrphanedSources") + ", " + Int(stoppedAgain, "OrphanedTargets")),
                Row("Run 3 (finishes the job): faults injected", finished, "Faulted"),
                new ReportRow("  errors", Int(finished, "Errors").ToString(), Expect("0", Int(finished, "Errors") == 0, "The finishing run wrote " + Int(finished, "Errors") + " errors: " + finished.GetProperty("ErrorIds"))),
                new ReportRow("  flows", Int(finished, "Flows") + " for " + rows + " rows", Expect("= rows", Int(finished, "Flows") == rows, "The rehearsal left " + Int(finished, "Flows") + " flows for " + rows + " rows.")),
                new ReportRow("  duplicate flows", Int(finished, "DuplicateFlows").ToString(), Expect("0", Int(finished, "DuplicateFlows") == 0, "The rehearsal made " + Int(finished, "DuplicateFlows") + " duplicate flows.")),
                new ReportRow("  source / target connections", Int(finished, "SourceConnections") + " / " + Int(finished, "TargetConnections")),
                new ReportRow("  orphaned source + target connections", (Int(finished, "OrphanedSources") + Int(finished, "OrphanedTargets")).ToString(),
                    Expect("0", Int(finished, "OrphanedSources") + Int(finished, "OrphanedTargets") == 0, "The rehearsal left " + Int(finished, "OrphanedSources") + " source and " + Int(finished, "OrphanedTargets") + " target connections unused.")),
                new ReportRow("  mapping sets", Int(finished, "MappingSets").ToString()),
                new ReportRow("  time", Units.Milliseconds(finished.GetProperty("ElapsedMs").GetDouble())),
                new ReportRow("Run 4 (re-run, new session): writes", Int(rerun, "Writes").ToString(), Expect("0", Int(rerun, "Writes") == 0, "The re-run sent " + Int(rerun, "Writes") + " writes.")),
                new ReportRow("  rows with every part reused", Int(rerun, "PartsReused") + " of " + rows, Expect("= rows", Int(rerun, "PartsReused") == rows, "The re-run reused every part of " + Int(rerun, "PartsReused") + " rows only, of " + rows + ".")),
            };
            return Task.FromResult(new MeasurementReport("R1 rehearsal under " + Percent(ThrottleRate) + " 429, " + Percent(UnavailableRate) + " 503, " + Percent(DroppedRate) + "+" + Percent(DroppedRate) + " dropped connections, stopped twice: " + rows + " rows", report));
        }

        private static string Percent(string rate) => Units.Percent(double.Parse(rate, System.Globalization.CultureInfo.InvariantCulture));

        private static int Int(JsonElement run, string name) => run.GetProperty(name).GetInt32();

        private static ReportRow Row(string measure, JsonElement run, string name) => new ReportRow(measure, Int(run, name).ToString());

        private static TargetOutcome Expect(string target, bool met, string failure) => new TargetOutcome(target, met, failure);
    }
}
