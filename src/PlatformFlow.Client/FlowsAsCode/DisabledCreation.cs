using System.Text.Json;
using PlatformFlow.Client.Json;
using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.FlowsAsCode
{
    /// <summary>
    /// Creating a flow that starts no run until it is enabled (Import-Dataflow and Copy-Dataflow -Disabled). The platform
    /// creates every flow enabled (the create request has no <c>state</c>), and a start time already past gives a catch-up
    /// run at once. So the flow is created with its first slot held back (<see cref="Hold"/> ahead), disabled
    /// (<c>POST /flows/{id}/action?op=disable</c>) before that slot comes, then given its own schedule back (JSON Patch of
    /// <c>/scheduleParams</c>): slots that pass while a flow is disabled make no run.
    /// </summary>
    public static class DisabledCreation
    {
        /// <summary>How far ahead the first slot is held while the flow is created and disabled: far more than the two requests take.</summary>
        public static readonly TimeSpan Hold = TimeSpan.FromDays(1);

        /// <summary>The schedule to create the flow with: <paramref name="schedule"/> with its start held back, or itself when it starts later anyway (or has none).</summary>
        public static ScheduleParams? HeldSchedule(ScheduleParams? schedule, DateTimeOffset now) =>
            schedule is null || schedule.StartTime > now + Hold ? schedule : ScheduleParams.Of(schedule.Frequency, schedule.Interval, now + Hold, schedule.Backfill);

        /// <summary>Disables the flow just created with <paramref name="held"/>, then gives it <paramref name="schedule"/> back when the two differ.</summary>
        public static async Task DisableAsync(PlatformClient client, string flowId, ScheduleParams? schedule, ScheduleParams? held, CancellationToken cancellationToken)
        {
            var disabled = await client.FlowService.SetFlowEnabledAsync(flowId, false, cancellationToken).ConfigureAwait(false);
            if (schedule != null && !ReferenceEquals(schedule, held))
            {
                var restore = new JsonPatchOperation("add", "/scheduleParams", JsonSerializer.SerializeToElement(schedule, PlatformJsonContext.Default.ScheduleParams));
                await client.FlowService.Flows.PatchAsync(flowId, new[] { restore }, disabled.Etag ?? string.Empty, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
