namespace PlatformFlow.Client.Models
{
    /// <summary>The body of <c>POST /flows</c>.</summary>
    public sealed class DataflowRequest
    {
        public string Name { get; init; } = string.Empty;

        public string? Description { get; init; }

        public SpecReference FlowSpec { get; init; } = new SpecReference();

        public List<string> SourceConnectionIds { get; init; } = new List<string>();

        public List<string> TargetConnectionIds { get; init; } = new List<string>();

        public List<Transformation> Transformations { get; init; } = new List<Transformation>();

        /// <summary>Null (not sent) for a flow spec with no <c>scheduleSpec</c>: a streaming flow runs as records arrive.</summary>
        public ScheduleParams? ScheduleParams { get; init; } = new ScheduleParams();

        public DataflowOptions? Options { get; init; }
    }
}
