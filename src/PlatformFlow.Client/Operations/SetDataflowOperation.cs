using System.Text.Json;
using PlatformFlow.Client.Errors;
using PlatformFlow.Client.Inputs;
using PlatformFlow.Client.Json;
using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.Operations
{
    /// <summary>
    /// Set-Dataflow: name, description and schedule. A schedule change starts from the flow's current schedule and is
    /// checked against the flow spec's <c>scheduleSpec</c>, as New-Dataflow's is, before anything is sent.
    /// </summary>
    public sealed class SetDataflowOperation(PlatformClient client, TimeProvider? clock = null) : FlowServiceChangeOperation<Dataflow, DataflowRequest, DataflowChange>(client, client.FlowService.Flows, "dataflow", "SetDataflow", clock)
    {
        protected override string ChangeableParameters => CmdletTerms.SetDataflowParameters;

        protected override async Task<List<JsonPatchOperation>> ChangesAsync(DataflowChange change, Dataflow current, CancellationToken cancellation)
        {
            var operations = await base.ChangesAsync(change, current, cancellation).ConfigureAwait(false);
            if (change.ChangesSchedule)
            {
                var now = current.ScheduleParams;

                // A new frequency starts afresh: the old interval and backfill belong to the old frequency.
                var keepsFrequency = change.Frequency is null;
                var schedule = ScheduleParams.Of(
                    change.Frequency ?? now?.Frequency ?? "once",
                    change.Interval ?? (keepsFrequency ? now?.Interval : null),
                    change.StartTime ?? (now is null ? Clock.GetUtcNow() : now.StartTime),
                    change.Backfill ?? (keepsFrequency ? now?.Backfill : null));
                var flowSpecId = current.FlowSpec?.Id
                    ?? throw new PlatformValidationException("dataflow '" + (current.Name ?? current.Id) + "'", "the platform returned it without a flow spec, so its schedule cannot be checked");
                PlatformValidationException.ThrowIfAny("dataflow '" + (current.Name ?? current.Id) + "'", await Client.FlowService.ValidateScheduleAsync(flowSpecId, schedule, cancellation).ConfigureAwait(false));
                operations.Add(Set("/scheduleParams", JsonSerializer.SerializeToElement(schedule, PlatformJsonContext.Default.ScheduleParams)));
            }

            return operations;
        }
    }
}
