namespace PlatformFlow.Client.FlowsAsCode
{
    public sealed class ScheduleDefinition
    {
        /// <summary><c>once</c>, <c>minute</c>, <c>hour</c>, <c>day</c> or <c>week</c>.</summary>
        public string Frequency { get; init; } = "once";

        public int? Interval { get; init; }

        public bool? Backfill { get; init; }

        /// <summary>Null: a new flow starts now, an existing one keeps its start.</summary>
        public DateTimeOffset? StartTime { get; init; }
    }
}
