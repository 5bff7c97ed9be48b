namespace PlatformFlow.Client.Models
{
    /// <summary>What one batch of Send-StreamingRecord did: how many records the inlet took and refused.</summary>
    public sealed class StreamingBatchResult(string flowId, string inletId, string? batchId, int recordsSent, int recordsRejected, DateTimeOffset? receivedAt)
    {
        public string FlowId { get; } = flowId;

        public string InletId { get; } = inletId;

        /// <summary>The collection endpoint's id of the request (not a Catalog batch: the flow's run writes that).</summary>
        public string? BatchId { get; } = batchId;

        public int RecordsSent { get; } = recordsSent;

        /// <summary>Records the inlet refused as they came (each also written as an error); mapping and XDM failures show later in the flow's runs.</summary>
        public int RecordsRejected { get; } = recordsRejected;

        public int RecordsAccepted => RecordsSent - RecordsRejected;

        public DateTimeOffset? ReceivedAt { get; } = receivedAt;
    }
}
