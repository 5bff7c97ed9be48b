namespace PlatformFlow.Client.Inputs
{
    public sealed class DatasetRecordQuery
    {
        /// <summary>The dataset whose records to show.</summary>
        public string? DatasetId { get; set; }

        /// <summary>Only the records this batch wrote (of its dataset's).</summary>
        public string? BatchId { get; set; }

        /// <summary>At most this many records; all the preview holds when null.</summary>
        public int? First { get; set; }

        public object? Target { get; set; }
    }
}
