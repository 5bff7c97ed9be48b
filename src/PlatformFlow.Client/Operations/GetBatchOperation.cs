using PlatformFlow.Client.Inputs;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Relations;

namespace PlatformFlow.Client.Operations
{
    /// <summary>
    /// Get-Batch: Catalog batches, by id, of a dataset (<c>GET /batches?dataSet=…</c>, newest first, <c>status</c> and
    /// <c>createdAfter</c> as the listing's own filters), the one a run wrote (named by the run), or those a flow wrote
    /// (its datasets' batches tagged with the flow).
    /// </summary>
    public sealed class GetBatchOperation(PlatformClient client) : PlatformOperation(client)
    {
        public Task RunAsync(BatchQuery query, IOperationHost host) =>
            ForInputAsync(host, query.Target, query.Id ?? query.RunId ?? query.FlowId ?? query.DatasetId, "GetBatch", async () =>
            {
                var cancellation = host.Cancellation;
                if (query.DatasetId != null)
                {
                    await WriteListedAsync(query.DatasetId, query, null, host).ConfigureAwait(false);
                    return;
                }

                if (query.FlowId != null)
                {
                    var flow = await Client.FlowService.Flows.GetAsync(query.FlowId, cancellation).ConfigureAwait(false);
                    foreach (var datasetId in await RelatedResources.IdsAsync(Client, flow, _ => null, ResourceKind.Dataset, cancellation).ConfigureAwait(false))
                    {
                        await WriteListedAsync(datasetId, query, flow.Id, host).ConfigureAwait(false);
                    }

                    return;
                }

                var batchId = query.Id;
                if (query.RunId != null)
                {
                    var run = await Client.FlowService.Runs.GetAsync(query.RunId, cancellation).ConfigureAwait(false);
                    batchId = run.BatchId;
                    if (batchId is null)
                    {
                        host.WriteVerbose("Run " + run.Id + " (" + run.Status + ") wrote no batch.");
                        return;
                    }
                }

                var batch = await Client.Catalog.GetBatchAsync(batchId!, cancellation).ConfigureAwait(false);
                if (Keeps(query, batch))
                {
                    host.WriteObject(batch);
                }
            });

        private async Task WriteListedAsync(string datasetId, BatchQuery query, string? flowId, IOperationHost host)
        {
            await foreach (var batch in Client.Catalog.ListBatchesAsync(datasetId, query.Status, query.Since, host.Cancellation).ConfigureAwait(false))
            {
                if (flowId is null || string.Equals(batch.FlowId, flowId, StringComparison.Ordinal))
                {
                    host.WriteObject(batch);
                }
            }
        }

        /// <summary>The listing's filters, applied to a batch read by id.</summary>
        private static bool Keeps(BatchQuery query, Batch batch) =>
            (query.Status is null || string.Equals(batch.Status, query.Status, StringComparison.OrdinalIgnoreCase))
            && (query.Since is null || batch.CreatedAt > query.Since);
    }
}
