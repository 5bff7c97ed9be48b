using PlatformFlow.Client.Errors;
using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.Operations
{
    /// <summary>
    /// Restart-FlowRun: re-triggers a finished run (<c>POST /runs/{id}/action?op=RE_TRIGGER</c>), a new run of the same
    /// flow and window, which it writes.
    /// </summary>
    public sealed class RestartFlowRunOperation(PlatformClient client) : PlatformOperation(client)
    {
        public Task RunAsync(string runId, object? target, IOperationHost host) =>
            ForInputAsync(host, target ?? runId, runId, "RestartFlowRun", async () =>
            {
                var cancellation = host.Cancellation;
                var run = await Client.FlowService.Runs.GetAsync(runId, cancellation).ConfigureAwait(false);
                if (!run.StatusKind.IsFinal())
                {
                    throw new PlatformValidationException("run " + runId, "it is still " + run.Status + "; only a finished run can be re-triggered")
                    {
                        RecommendedAction = "Wait until it has finished, then re-trigger it: " + CmdletTerms.RetriggerWhenFinished(runId),
                    };
                }

                if (await AskAsync(host, runId, "Re-trigger the run of flow " + run.FlowId).ConfigureAwait(false) != ChangeDecision.Proceed)
                {
                    return;
                }

                var retry = await Client.FlowService.RetriggerRunAsync(runId, cancellation).ConfigureAwait(false);
                host.WriteObject(await Client.FlowService.Runs.GetAsync(retry.Id, cancellation).ConfigureAwait(false));
            });
    }
}
