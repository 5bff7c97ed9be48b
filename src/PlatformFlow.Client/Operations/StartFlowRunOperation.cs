using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using PlatformFlow.Client.Errors;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Validation;

namespace PlatformFlow.Client.Operations
{
    public sealed class FlowRunStart
    {
        public string FlowId { get; set; } = string.Empty;

        /// <summary>The start of the window of source data to read.</summary>
        public DateTimeOffset WindowStart { get; set; }

        /// <summary>The end of the window.</summary>
        public DateTimeOffset WindowEnd { get; set; }

        /// <summary>The column telling new rows from old (the run spec's <c>deltaColumn.name</c>); not sent when null.</summary>
        public string? DeltaColumn { get; set; }

        public object? Target { get; set; }
    }

    /// <summary>
    /// Start-FlowRun: an on-demand run over a window (<c>POST /runs</c>). The params are checked against the flow spec's
    /// <c>runSpec</c>, and the flow must be enabled, before anything is sent.
    /// </summary>
    public sealed class StartFlowRunOperation : PlatformOperation
    {
        public StartFlowRunOperation(PlatformClient client, TimeProvider? clock = null)
            : base(client, clock)
        {
        }

        public Task RunAsync(FlowRunStart start, IOperationHost host) =>
            ForInputAsync(host, start.Target ?? start.FlowId, start.FlowId, "StartFlowRun", async () =>
            {
                var cancellation = host.Cancellation;
                var flow = await Client.FlowService.Flows.GetAsync(start.FlowId, cancellation).ConfigureAwait(false);
                var parameters = new JsonObject
                {
                    ["startTime"] = Clock.GetUtcNow().ToUnixTimeSeconds(),
                    ["windowStartTime"] = start.WindowStart.ToUnixTimeSeconds(),
                    ["windowEndTime"] = start.WindowEnd.ToUnixTimeSeconds(),
                };
                if (!string.IsNullOrEmpty(start.DeltaColumn))
                {
                    parameters["deltaColumn"] = new JsonObject { ["name"] = start.DeltaColumn };
                }

                var problems = new List<string>();
                if (!string.Equals(flow.State, "enabled", StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add("the dataflow is " + flow.State + "; enable it first (Enable-Dataflow)");
                }

                if (start.WindowEnd < start.WindowStart)
                {
                    problems.Add("WindowEnd: " + Utc(start.WindowEnd) + " is before WindowStart");
                }

                if (flow.FlowSpec != null)
                {
                    problems.AddRange(DataflowPreflight.CheckRunParams(parameters, await Client.FlowService.GetFlowSpecAsync(flow.FlowSpec.Id, cancellation).ConfigureAwait(false)));
                }

                var subject = "run of dataflow '" + flow.Name + "'";
                PlatformValidationException.ThrowIfAny(subject, problems);
                if (await AskAsync(host, flow.Name ?? flow.Id, "Start a run over " + Utc(start.WindowStart) + " to " + Utc(start.WindowEnd)).ConfigureAwait(false) != ChangeDecision.Proceed)
                {
                    return;
                }

                var created = await Client.FlowService.StartRunAsync(new FlowRunRequest { FlowId = flow.Id, Params = parameters }, cancellation).ConfigureAwait(false);
                host.WriteObject(await Client.FlowService.Runs.GetAsync(created.Id, cancellation).ConfigureAwait(false));
            });

        private static string Utc(DateTimeOffset time) => time.ToString("u", CultureInfo.InvariantCulture);
    }
}
