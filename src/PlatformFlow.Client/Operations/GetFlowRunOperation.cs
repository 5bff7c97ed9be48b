using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using PlatformFlow.Client.Api;
using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.Operations
{
    public sealed class FlowRunQuery
    {
        /// <summary>The flow whose runs to list.</summary>
        public string? FlowId { get; set; }

        /// <summary>One run by id (instead of a flow's runs).</summary>
        public string? RunId { get; set; }

        /// <summary>Only runs with one of these statuses; all when empty.</summary>
        public IReadOnlyList<RunStatus> Statuses { get; set; } = Array.Empty<RunStatus>();

        /// <summary>Only runs created after this time.</summary>
        public DateTimeOffset? Since { get; set; }

        public object? Target { get; set; }
    }

    /// <summary>
    /// Get-FlowRun: one run, or a flow's runs (<c>property=flowId==</c>, <c>createdAt&gt;</c> in epoch ms for Since),
    /// streamed; statuses are matched here, in any spelling the platform uses.
    /// </summary>
    public sealed class GetFlowRunOperation : PlatformOperation
    {
        public GetFlowRunOperation(PlatformClient client)
            : base(client)
        {
        }

        public Task RunAsync(FlowRunQuery query, IOperationHost host) =>
            ForInputAsync(host, query.Target ?? query.RunId ?? query.FlowId, query.RunId ?? query.FlowId, "GetFlowRun", async () =>
            {
                if (query.RunId != null)
                {
                    host.WriteObject(await Client.FlowService.Runs.GetAsync(query.RunId, host.Cancellation).ConfigureAwait(false));
                    return;
                }

                var filter = new ListQuery();
                if (query.Since is DateTimeOffset since)
                {
                    filter.Properties.Add("createdAt>" + since.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
                }

                await foreach (var run in Client.FlowService.ListRunsOfFlowAsync(query.FlowId ?? string.Empty, filter, host.Cancellation).ConfigureAwait(false))
                {
                    if (query.Statuses.Count == 0 || query.Statuses.Contains(run.StatusKind))
                    {
                        host.WriteObject(run);
                    }
                }
            });
    }
}
