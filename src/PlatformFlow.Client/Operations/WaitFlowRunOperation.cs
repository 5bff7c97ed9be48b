using System.Globalization;
using PlatformFlow.Client.Caching;
using PlatformFlow.Client.Inputs;
using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.Operations
{
    /// <summary>
    /// Wait-FlowRun: polls a run until it is final or the timeout passes, reporting progress. Writes the final run, and an
    /// error record with the run's counts, first errors and the command that lists its failed records when it failed or
    /// partly failed; a clear OperationTimeout error when
    /// it did not finish in time. Waits on the given clock, so tests move time instead of sleeping.
    /// </summary>
    public sealed class WaitFlowRunOperation(PlatformClient client, TimeProvider? clock = null) : PlatformOperation(client, clock)
    {
        private const int ProgressActivityId = 41;
        private const int ErrorsShown = 3;

        public Task RunAsync(FlowRunWait wait, IOperationHost host) =>
            ForInputAsync(host, wait.Target ?? wait.RunId, wait.RunId, "WaitFlowRun", async () =>
            {
                var activity = "Waiting for flow run " + wait.RunId;
                var started = Clock.GetUtcNow();
                var deadline = started + wait.Timeout;
                while (true)
                {
                    var run = await Client.FlowService.Runs.GetAsync(wait.RunId, host.Cancellation).ConfigureAwait(false);
                    var statusText = run.Metrics?.StatusSummary?.Status ?? run.Status.ToString();
                    var now = Clock.GetUtcNow();
                    if (run.StatusKind.IsFinal())
                    {
                        host.WriteProgress(new OperationProgress(ProgressActivityId, activity, statusText, 100, Completed: true));
                        run.FlowName = await FlowNames.OneByOne(Client).OfAsync(run.FlowId, host.Cancellation).ConfigureAwait(false);
                        if (run.StatusKind.IsFailure() || run.StatusKind == RunStatus.PartialSuccess)
                        {
                            host.WriteError(RunFailed(run, statusText));
                        }

                        host.WriteObject(run);
                        return;
                    }

                    var remaining = deadline - now;
                    if (remaining <= TimeSpan.Zero)
                    {
                        host.WriteProgress(new OperationProgress(ProgressActivityId, activity, statusText, Completed: true));
                        host.WriteError(new OperationError(
                            new TimeoutException("Flow run " + wait.RunId + " did not finish within " + wait.Timeout + "; it is still " + statusText + "."),
                            "OperationTimeout",
                            OperationErrorCategory.OperationTimeout,
                            wait.Target ?? wait.RunId,
                            "Wait again with a longer " + CmdletTerms.Timeout + ", or look at it later with " + CmdletTerms.ShowRun(wait.RunId) + "."));
                        return;
                    }

                    host.WriteProgress(new OperationProgress(ProgressActivityId, activity, statusText + " for " + Elapsed(now - started) + "; gives up in " + Elapsed(remaining)));
                    await Clock.Delay(remaining < wait.PollInterval ? remaining : wait.PollInterval, host.Cancellation).ConfigureAwait(false);
                }
            });

        /// <summary>Whole seconds, with days when there are any (<c>1.01:00:00</c>): a wait may be given days.</summary>
        private static string Elapsed(TimeSpan time) => TimeSpan.FromSeconds(Math.Floor(time.TotalSeconds)).ToString("c", CultureInfo.InvariantCulture);

        /// <summary>
        /// The error of a failed or partial run: its counts, its first errors and the exact command that lists its failed
        /// records (or, for a run that wrote no batch, its errors and how to run it again).
        /// </summary>
        internal static OperationError RunFailed(FlowRun run, string statusText)
        {
            var errors = run.Errors;
            var message = "Flow run " + run.Id + " of flow " + (run.FlowName is null ? run.FlowId : "'" + run.FlowName + "'") + " ended " + statusText
                + ": " + Count(run.RecordsRead) + " records read, " + Count(run.RecordsWritten) + " written, " + Count(run.RecordsFailed) + " failed"
                + (errors.Count == 0 ? "." : "; " + string.Join("; ", errors.Take(ErrorsShown)) + (errors.Count > ErrorsShown ? " (and " + (errors.Count - ErrorsShown) + " more)." : "."));
            var action = run.BatchId != null && run.RecordsFailed > 0
                ? "List its failed records with: " + CmdletTerms.ListFailedRecordsOfRun(run.Id)
                : "It wrote no failed records to read; run it again with: " + CmdletTerms.RestartRun(run.Id);
            return new OperationError(new InvalidOperationException(message), "FlowRun" + run.Status, OperationErrorCategory.NotSpecified, run, action);
        }

        private static string Count(long? count) => count?.ToString(CultureInfo.InvariantCulture) ?? "?";
    }
}
