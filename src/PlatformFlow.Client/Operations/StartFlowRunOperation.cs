using System.Globalization;
using System.Text.Json.Nodes;
using PlatformFlow.Client.Errors;
using PlatformFlow.Client.Inputs;
using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.Operations
{
    /// <summary>
    /// Start-FlowRun: an on-demand run over a window (<c>POST /runs</c>). The params are checked against the flow spec's
    /// <c>runSpec</c>, and the flow must be enabled, before anything is sent. Without a window it reads everything since
    /// the last run: from the latest <c>windowEndTime</c> among the flow's runs (or the flow's start time) to now.
    /// </summary>
    public sealed class StartFlowRunOperation(PlatformClient client, TimeProvider? clock = null) : PlatformOperation(client, clock)
    {
        public Task RunAsync(FlowRunStart start, IOperationHost host) =>
            ForInputAsync(host, start.Target ?? start.FlowId, start.FlowId, "StartFlowRun", async () =>
            {
                var cancellation = host.Cancellation;
                var flow = await GetByIdAsync("Dataflow", start.FlowId, () => Client.FlowService.Flows.GetAsync(start.FlowId, cancellation)).ConfigureAwait(false);
                var now = Clock.GetUtcNow();
                var windowEnd = start.WindowEnd ?? now;
                var windowStart = start.WindowStart ?? await EndOfLastWindowAsync(flow, cancellation).ConfigureAwait(false);
                var parameters = new JsonObject
                {
                    ["startTime"] = now.ToUnixTimeSeconds(),
                    ["windowStartTime"] = windowStart.ToUnixTimeSeconds(),
                    ["windowEndTime"] = windowEnd.ToUnixTimeSeconds(),
                };
                if (!string.IsNullOrEmpty(start.DeltaColumn))
                {
                    parameters["deltaColumn"] = new JsonObject { ["name"] = start.DeltaColumn };
                }

                var problems = new List<string>();
                var disabled = !string.Equals(flow.State, "enabled", StringComparison.OrdinalIgnoreCase);
                if (disabled)
                {
                    problems.Add("the dataflow is " + flow.State + ", so it cannot run; enable it first (" + CmdletTerms.EnableFlow + ")");
                }

                if (windowEnd < windowStart)
                {
                    problems.Add("WindowEnd: " + Utc(windowEnd) + " is before WindowStart " + Utc(windowStart)
                        + (start.WindowStart is null ? " (where the flow's last run window ended, or its start time)" : string.Empty));
                }

                if (flow.FlowSpec != null)
                {
                    problems.AddRange(await Client.FlowService.ValidateRunAsync(flow.FlowSpec.Id, parameters, cancellation).ConfigureAwait(false));
                }

                var subject = "run of dataflow '" + flow.Name + "'";
                if (problems.Count > 0)
                {
                    throw new PlatformValidationException(subject, problems)
                    {
                        RecommendedAction = (disabled ? "Enable the dataflow with " + CmdletTerms.EnableFlowById(flow.Id) + ", then start the run again" : "Correct the named parameters")
                            + "; nothing was sent to the platform.",
                    };
                }

                if (await AskAsync(host, flow.Name ?? flow.Id, "Start a run over " + Utc(windowStart) + " to " + Utc(windowEnd)).ConfigureAwait(false) != ChangeDecision.Proceed)
                {
                    return;
                }

                var created = await Client.FlowService.StartRunAsync(new FlowRunRequest { FlowId = flow.Id, Params = parameters }, cancellation).ConfigureAwait(false);
                host.WriteObject(await Client.FlowService.Runs.GetAsync(created.Id, cancellation).ConfigureAwait(false));
            });

        /// <summary>Where the latest window among the flow's runs ended; the flow's start time when it has not run.</summary>
        private async Task<DateTimeOffset> EndOfLastWindowAsync(Dataflow flow, CancellationToken cancellation)
        {
            DateTimeOffset? lastEnd = null;
            await foreach (var run in Client.FlowService.ListRunsOfFlowAsync(flow.Id, null, cancellation).ConfigureAwait(false))
            {
                if (run.WindowEnd is DateTimeOffset end && (lastEnd is null || end > lastEnd))
                {
                    lastEnd = end;
                }
            }

            return lastEnd ?? flow.ScheduleParams?.StartTime ?? DateTimeOffset.FromUnixTimeSeconds(Clock.GetUtcNow().ToUnixTimeSeconds());
        }

        private static string Utc(DateTimeOffset time) => time.ToString("u", CultureInfo.InvariantCulture);
    }
}
