namespace PlatformFlow.Client.Inputs
{
    public sealed class FlowRunStart
    {
        public string FlowId { get; set; } = string.Empty;

        /// <summary>The start of the window of source data to read; when null, where the flow's last run window ended (or the flow's start time).</summary>
        public DateTimeOffset? WindowStart { get; set; }

        /// <summary>The end of the window; now when null.</summary>
        public DateTimeOffset? WindowEnd { get; set; }

        /// <summary>The column telling new rows from old (the run spec's <c>deltaColumn.name</c>); not sent when null.</summary>
        public string? DeltaColumn { get; set; }

        public object? Target { get; set; }
    }
}
