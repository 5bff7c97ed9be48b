using PlatformFlow.Client.Api;

namespace PlatformFlow.Client.Inputs
{
    public sealed class StreamingBatchInput
    {
        public string FlowId { get; set; } = string.Empty;

        /// <summary>One batch: at most what the collection endpoint takes in one request (<see cref="StreamingInletClient.MaxBodyBytes"/>).</summary>
        public IReadOnlyList<StreamedRecord> Records { get; set; } = Array.Empty<StreamedRecord>();

        /// <summary>Records of the same command sent before this batch, for the progress line.</summary>
        public long SentBefore { get; set; }
    }
}
