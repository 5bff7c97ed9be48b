using System.Globalization;
using PlatformFlow.Client.Api;
using PlatformFlow.Client.Caching;
using PlatformFlow.Client.Inputs;
using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.Operations
{
    /// <summary>
    /// Get-FlowRun: one run, a flow's runs, or the runs of every flow of the sandbox, streamed; each named with its flow's
    /// name. Statuses and times are the runs listing's own filters (<c>metrics.statusSummary.status==FAILED,...</c>,
    /// <c>createdAt&gt;</c> in epoch ms), so "every failed run since yesterday" is one listing of runs plus, for their
    /// names, one listing of flows, whatever the number of flows; statuses are matched here too, in any spelling.
    /// </summary>
    public sealed class GetFlowRunOperation(PlatformClient client) : PlatformOperation(client)
    {
        // The platform's largest page of runs.
        private const int RunsPageSize = 100;

        public Task RunAsync(FlowRunQuery query, IOperationHost host) =>
            ForInputAsync(host, query.Target ?? query.RunId ?? query.FlowId, query.RunId ?? query.FlowId, "GetFlowRun", async () =>
            {
                if (query.RunId != null)
                {
                    var run = await Client.FlowService.Runs.GetAsync(query.RunId, host.Cancellation).ConfigureAwait(false);
                    run.FlowName = await FlowNames.OneByOne(Client).OfAsync(run.FlowId, host.Cancellation).ConfigureAwait(false);
                    host.WriteObject(run);
                    return;
                }

                var filter = new ListQuery { Limit = RunsPageSize };
                if (query.FlowId != null)
                {
                    filter.Properties.Add("flowId==" + query.FlowId);
                }

                if (query.Statuses.Count > 0)
                {
                    filter.Properties.Add("metrics.statusSummary.status==" + string.Join(",", query.Statuses.Select(RunStatusNames.PlatformName)));
                }

                if (query.Since is DateTimeOffset since)
                {
                    filter.Properties.Add("createdAt>" + since.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
                }

                var names = query.FlowId is null ? FlowNames.Listed(Client) : FlowNames.OneByOne(Client);
                var written = 0L;
                await foreach (var run in Client.FlowService.Runs.ListAsync(filter, host.Cancellation).ConfigureAwait(false))
                {
                    if (query.Statuses.Count == 0 || query.Statuses.Contains(run.StatusKind))
                    {
                        run.FlowName = await names.OfAsync(run.FlowId, host.Cancellation).ConfigureAwait(false);
                        host.WriteObject(run);
                        await HoldBackAsync(host, ++written).ConfigureAwait(false);
                    }
                }
            });
    }
}
