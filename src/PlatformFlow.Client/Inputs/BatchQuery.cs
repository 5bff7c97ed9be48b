namespace PlatformFlow.Client.Inputs
{
    public sealed class BatchQuery
    {
        /// <summary>One batch by id.</summary>
        public string? Id { get; set; }

        /// <summary>The batches of a dataset.</summary>
        public string? DatasetId { get; set; }

        /// <summary>The batch a run wrote.</summary>
        public string? RunId { get; set; }

        /// <summary>The batches a flow wrote (to the datasets of its target connections).</summary>
        public string? FlowId { get; set; }

        /// <summary>Only batches of this Catalog status (<c>success</c>, <c>failed</c>...); all when null.</summary>
        public string? Status { get; set; }

        /// <summary>Only batches created after this time.</summary>
        public DateTimeOffset? Since { get; set; }

        public object? Target { get; set; }
    }
}
