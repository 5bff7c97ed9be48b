using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace PlatformFlow.Client.Models
{
    /// <summary>A dataflow (<c>/flows</c>): source and target connections joined by a flow spec, on a schedule.</summary>
    public sealed class Dataflow : FlowServiceResource
    {
        public SpecReference? FlowSpec { get; init; }

        public ValueList<string> SourceConnectionIds { get; init; } = new ValueList<string>();

        public ValueList<string> TargetConnectionIds { get; init; } = new ValueList<string>();

        public ValueList<Transformation>? Transformations { get; init; }

        public ScheduleParams? ScheduleParams { get; init; }

        /// <summary>The flow's <c>options</c> (checked against its flow spec's <c>optionSpec</c>); null when it has none.</summary>
        public DataflowOptions? Options { get; init; }

        /// <summary>How often the flow runs, in short words (<c>once</c>, <c>every 6 hours</c>); null for a flow with no schedule (streaming).</summary>
        [JsonIgnore]
        public string? Schedule => ScheduleParams is null ? null : ScheduleText.Frequency(ScheduleParams.Frequency, ScheduleParams.Interval);

        /// <summary>
        /// The share of a run's records (percent) that may fail before the whole run fails and nothing lands; null for the
        /// platform's default.
        /// </summary>
        [JsonIgnore]
        public double? PartialIngestionPercent => Options?.PartialIngestionPercent;

        [JsonPropertyName("inheritedAttributes"), JsonInclude]
        internal JsonObject? InheritedAttributesJson { get; init; }

        [JsonPropertyName("lastRunDetails"), JsonInclude]
        internal JsonObject? LastRunDetailsJson { get; init; }

        /// <summary>What the flow inherits from its connections, as the platform reports it.</summary>
        [JsonIgnore]
        public PropertyBag? InheritedAttributes => PropertyBag.From(InheritedAttributesJson);

        /// <summary>The platform's summary of the last run (its id, times, status), as plain values.</summary>
        [JsonIgnore]
        public PropertyBag? LastRunDetails => PropertyBag.From(LastRunDetailsJson);

        /// <summary>The mapping set of the flow's Mapping transformation; null when it has none.</summary>
        [JsonIgnore]
        public string? MappingSetId => MappingTransformation?.ParamsJson?["mappingId"]?.ToString();

        /// <summary>The mapping set version the flow uses.</summary>
        [JsonIgnore]
        public string? MappingSetVersion => MappingTransformation?.ParamsJson?["mappingVersion"]?.ToString();

        /// <summary>The status of the flow's last run, as the platform names it (e.g. success, failed); null before any run.</summary>
        [JsonIgnore]
        public string? LastRunStatus => RunStatusNames.Parse(LastRunDetailsJson?["state"]?.ToString() ?? LastRunDetailsJson?["status"]?.ToString()) is var status && status != RunStatus.Unknown ? status.ToString() : null;

        /// <summary>When the flow's last run started (UTC); null before any run.</summary>
        [JsonIgnore]
        public DateTimeOffset? LastRunTime =>
            LastRunDetailsJson?["startedAtUTC"] is JsonValue started && started.TryGetValue<long>(out var milliseconds) ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds) : (DateTimeOffset?)null;

        private Transformation? MappingTransformation =>
            Transformations?.Find(t => string.Equals(t.Name, WellKnown.MappingTransformationName, StringComparison.OrdinalIgnoreCase));
    }
}
