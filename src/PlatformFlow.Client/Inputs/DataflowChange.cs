namespace PlatformFlow.Client.Inputs
{
    public sealed class DataflowChange : ResourceChange
    {
        /// <summary><c>Once</c>, <c>Minute</c>, <c>Hour</c>, <c>Day</c> or <c>Week</c>; the flow's own when null.</summary>
        public string? Frequency { get; set; }

        public int? Interval { get; set; }

        public DateTimeOffset? StartTime { get; set; }

        public bool? Backfill { get; set; }

        public bool ChangesSchedule => Frequency != null || Interval != null || StartTime != null || Backfill != null;
    }
}
