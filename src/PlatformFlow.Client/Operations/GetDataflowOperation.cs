using PlatformFlow.Client.Api;
using PlatformFlow.Client.Inputs;
using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.Operations
{
    /// <summary>Get-Dataflow: <c>/flows</c> by id, name or filter, or (-Count) the platform's count alone.</summary>
    public sealed class GetDataflowOperation(PlatformClient client) : FlowServiceListOperation<Dataflow, DataflowRequest>(client, client.FlowService.Flows, "Dataflow")
    {
        /// <summary>Writes the number of flows the query's filters keep, counted by the platform (<c>count=true</c>): nothing is listed.</summary>
        public Task CountOnlyAsync(ResourceQuery query, IOperationHost host) =>
            ForInputAsync(host, query.Target, null, Step, async () =>
                host.WriteObject(await Collection.CountAsync(ListQuery.Where(ServerFilters(query).ToArray()), host.Cancellation).ConfigureAwait(false)));
    }
}
