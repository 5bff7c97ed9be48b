namespace PlatformFlow.Client.Inputs
{
    public sealed class FailedRecordQuery
    {
        /// <summary>The run whose failed records to list (through the batch it wrote).</summary>
        public string? RunId { get; set; }

        /// <summary>The batch whose failed records to list (instead of a run).</summary>
        public string? BatchId { get; set; }

        /// <summary>At most this many records; all when null.</summary>
        public int? First { get; set; }

        public object? Target { get; set; }
    }
}
