using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace PlatformFlow.Client.Models
{
    /// <summary>The body of <c>POST /flows</c>.</summary>
    public sealed class DataflowRequest
    {
        [JsonPropertyName("name")]
        public string Name { get; init; } = string.Empty;

        [JsonPropertyName("description")]
        public string? Description { get; init; }

        [JsonPropertyName("flowSpec")]
        public SpecReference FlowSpec { get; init; } = new SpecReference();

        [JsonPropertyName("sourceConnectionIds")]
        public List<string> SourceConnectionIds { get; init; } = new List<string>();

        [JsonPropertyName("targetConnectionIds")]
        public List<string> TargetConnectionIds { get; init; } = new List<string>();

        [JsonPropertyName("transformations")]
        public List<Transformation> Transformations { get; init; } = new List<Transformation>();

        /// <summary>Null (not sent) for a flow spec with no <c>scheduleSpec</c>: a streaming flow runs as records arrive.</summary>
        [JsonPropertyName("scheduleParams")]
        public ScheduleParams? ScheduleParams { get; init; } = new ScheduleParams();

        [JsonPropertyName("options")]
        public DataflowOptions? Options { get; init; }
    }
}
