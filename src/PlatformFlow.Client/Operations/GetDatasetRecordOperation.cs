using System.Text.Json.Nodes;
using PlatformFlow.Client.Inputs;

namespace PlatformFlow.Client.Operations
{
    /// <summary>
    /// Get-DatasetRecord: the records that landed in a dataset, as Data Access previews them (<c>GET /datasets/{id}/preview</c>:
    /// at most 100, newest batch first; the platform offers no more). For a batch, the rows of its dataset's preview whose
    /// <c>_acp_system_metadata.acp_sourceBatchId</c> is that batch. Each record is written as the JSON object it is, for
    /// the cmdlet host to give PowerShell with its nesting.
    /// </summary>
    public sealed class GetDatasetRecordOperation(PlatformClient client) : PlatformOperation(client)
    {
        public Task RunAsync(DatasetRecordQuery query, IOperationHost host) =>
            ForInputAsync(host, query.Target, query.BatchId ?? query.DatasetId, "GetDatasetRecord", async () =>
            {
                var datasetId = query.DatasetId;
                if (query.BatchId != null)
                {
                    datasetId = (await Client.Catalog.GetBatchAsync(query.BatchId, host.Cancellation).ConfigureAwait(false)).DatasetId
                        ?? throw new InvalidOperationException("Batch " + query.BatchId + " names no dataset (no related object of type dataSet).");
                }

                var records = (await Client.DataAccess.PreviewDatasetAsync(datasetId!, host.Cancellation).ConfigureAwait(false))
                    .Where(record => query.BatchId is null || string.Equals(SourceBatchOf(record), query.BatchId, StringComparison.Ordinal));
                foreach (var record in query.First is int first ? records.Take(first) : records)
                {
                    host.WriteObject(record);
                }
            });

        private static string? SourceBatchOf(JsonObject record) =>
            (record["_acp_system_metadata"] as JsonObject)?["acp_sourceBatchId"] is JsonValue id && id.TryGetValue<string>(out var text) ? text : null;
    }
}
