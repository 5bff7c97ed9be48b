using PlatformFlow.Client.Errors;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Operations;

namespace PlatformFlow.Client.Pipeline
{
    /// <summary>
    /// What happens to the parts a flow pipeline already created for a row when a later step fails: with
    /// <c>-RollbackOnError</c> they are removed (target connection, then source connection; the platform cannot delete a
    /// mapping set, so an unused one is named); without it, a warning names them and the commands that remove them.
    /// </summary>
    public sealed class PipelineRollback(PlatformClient client)
    {
        private readonly PlatformClient _client = client;

        /// <summary>
        /// Runs one flow step for a row. When it fails after earlier steps made parts for that row, those parts are removed
        /// (<paramref name="rollBack"/>) or named in a warning, and the failure goes on to become the row's error.
        /// </summary>
        /// <param name="lastStep">True for New-Dataflow, whose -RollbackOnError the warning can offer.</param>
        public static async Task GuardAsync(PlatformClient client, string? flowName, PipelineIds carried, bool rollBack, bool lastStep, IOperationHost host, Func<Task> step)
        {
            try
            {
                await step().ConfigureAwait(false);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException) && carried.Created.Count > 0)
            {
                await new PipelineRollback(client).AfterFailureAsync(flowName ?? carried[PipelineIds.FlowName] ?? string.Empty, carried.Created, rollBack, lastStep, host).ConfigureAwait(false);
                throw;
            }
        }

        private async Task AfterFailureAsync(string flowName, IReadOnlyList<KeyValuePair<string, string>> created, bool rollBack, bool lastStep, IOperationHost host)
        {
            var removable = created.Where(p => p.Key == nameof(TargetConnection) || p.Key == nameof(SourceConnection)).Reverse().ToList();
            var kept = created.Where(p => !removable.Contains(p)).ToList();
            if (rollBack)
            {
                foreach (var part in removable)
                {
                    try
                    {
                        if (await host.ShouldProcessAsync(part.Value, "Remove " + ResourceNotFoundException.Words(part.Key) + " created for flow '" + flowName + "' (rollback)").ConfigureAwait(false) != ChangeDecision.Proceed)
                        {
                            kept.Add(part);
                            continue;
                        }

                        var collection = part.Key == nameof(TargetConnection) ? (Func<string, Task>)(id => _client.FlowService.TargetConnections.DeleteAsync(id, host.Cancellation)) : id => _client.FlowService.SourceConnections.DeleteAsync(id, host.Cancellation);
                        await collection(part.Value).ConfigureAwait(false);
                        host.WriteVerbose("Rolled back: removed " + ResourceNotFoundException.Words(part.Key) + " " + part.Value + ", created for flow '" + flowName + "'.");
                    }
                    catch (Exception ex) when (!(ex is OperationCanceledException))
                    {
                        host.WriteWarning("Could not remove " + ResourceNotFoundException.Words(part.Key) + " " + part.Value + " (" + ex.Message + ").");
                        kept.Add(part);
                    }
                }
            }
            else
            {
                kept = created.ToList();
            }

            if (kept.Count == 0)
            {
                return;
            }

            var commands = kept.Where(p => p.Key != nameof(MappingSet)).Select(p => CmdletTerms.Remove(p.Key, p.Value)).ToList();
            var mappingSets = kept.Where(p => p.Key == nameof(MappingSet)).Select(p => p.Value).ToList();
            host.WriteWarning(
                "Flow '" + flowName + "' was not created; the parts made for it remain: "
                + string.Join(", ", kept.Select(p => ResourceNotFoundException.Words(p.Key) + " " + p.Value)) + "."
                + (commands.Count > 0 ? " Remove them with: " + string.Join("; ", commands) + (rollBack || !lastStep ? "." : " (or run the pipeline with " + CmdletTerms.RollbackOnError + ").") : string.Empty)
                + (mappingSets.Count > 0 ? " The platform cannot delete mapping sets; " + string.Join(", ", mappingSets) + " is used by no flow." : string.Empty));
        }
    }
}
