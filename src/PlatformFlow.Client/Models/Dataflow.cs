using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using PlatformFlow.Client.Json;

namespace PlatformFlow.Client.Models
{
    /// <summary>A dataflow (<c>/flows</c>): source and target connections joined by a flow spec, on a schedule.</summary>
    public sealed class Dataflow : FlowServiceResource
    {
        [JsonPropertyName("flowSpec")]
        public SpecReference? FlowSpec { get; init; }

        [JsonPropertyName("sourceConnectionIds")]
        public ValueList<string> SourceConnectionIds { get; init; } = new ValueList<string>();

        [JsonPropertyName("targetConnectionIds")]
        public ValueList<string> TargetConnectionIds { get; init; } = new ValueList<string>();

        [JsonPropertyName("transformations")]
        public ValueList<Transformation>? Transformations { get; init; }

        [JsonPropertyName("scheduleParams")]
        public ScheduleParams? ScheduleParams { get; init; }

        /// <summary>The flow's <c>options</c> (checked against its flow spec's <c>optionSpec</c>); null when it has none.</summary>
        [JsonPropertyName("options")]
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

        [JsonPropertyName("inheritedAttributes")]
        [JsonInclude]
        internal JsonObject? InheritedAttributesJson { get; init; }

        [JsonPropertyName("lastRunDetails")]
        [JsonInclude]
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

    /// <summary>One transformation of a flow, e.g. <c>{name: "Mapping", params: {mappingId, mappingVersion}}</c>.</summary>
    public sealed class Transformation : PlatformModel
    {
        [JsonPropertyName("name")]
        public string Name { get; init; } = string.Empty;

        [JsonPropertyName("params")]
        [JsonInclude]
        internal JsonObject? ParamsJson { get; init; }

        [JsonIgnore]
        public PropertyBag? Params => PropertyBag.From(ParamsJson);

        public override string ToString() => Params is null ? Name : Name + " (" + Params + ")";

        /// <summary>The Mapping transformation that applies a mapping set's version (sent as a string, as the platform does).</summary>
        public static Transformation ForMappingSet(string mappingSetId, int version) => new Transformation
        {
            Name = WellKnown.MappingTransformationName,
            ParamsJson = new JsonObject
            {
                ["mappingId"] = mappingSetId,
                ["mappingVersion"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
        };
    }

    /// <summary>
    /// <c>scheduleParams</c>. <see cref="StartTime"/> is UTC; the platform takes epoch seconds (read from a number or a
    /// string, written as an integer).
    /// </summary>
    public sealed class ScheduleParams : PlatformModel
    {
        [JsonPropertyName("startTime")]
        [JsonConverter(typeof(EpochSecondsTimeConverter))]
        public DateTimeOffset StartTime { get; init; }

        /// <summary><c>once</c>, <c>minute</c>, <c>hour</c>, <c>day</c> or <c>week</c>.</summary>
        [JsonPropertyName("frequency")]
        public string Frequency { get; init; } = "once";

        [JsonPropertyName("interval")]
        public int? Interval { get; init; }

        [JsonPropertyName("backfill")]
        public bool? Backfill { get; init; }

        /// <summary>
        /// The schedule as given, the frequency in the platform's spelling (lower case). Nothing is checked or filled in
        /// here: the flow spec's <c>scheduleSpec</c> is the one judge (<see cref="Api.FlowServiceClient.ValidateScheduleAsync"/>).
        /// </summary>
        public static ScheduleParams Of(string frequency, int? interval, DateTimeOffset startTime, bool? backfill) => new ScheduleParams
        {
            StartTime = DateTimeOffset.FromUnixTimeSeconds(startTime.ToUnixTimeSeconds()),
            Frequency = (frequency ?? string.Empty).Trim().ToLowerInvariant(),
            Interval = interval,
            Backfill = backfill,
        };

        /// <summary>The schedule in words, e.g. <c>every 6 hours from 2026-12-01 09:00</c> (local time).</summary>
        public override string ToString() => ScheduleText.Describe(Frequency, Interval, StartTime, Backfill);
    }

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

    /// <summary>A flow's <c>options</c>: the partial-ingestion threshold and error diagnostics.</summary>
    public sealed class DataflowOptions : PlatformModel
    {
        /// <summary>The percent of a run's records that may fail before the run fails and nothing lands (above 0).</summary>
        [JsonPropertyName("partialIngestionPercent")]
        public double? PartialIngestionPercent { get; init; }

        [JsonPropertyName("errorDiagnosticsEnabled")]
        public bool? ErrorDiagnosticsEnabled { get; init; }

        public override string ToString() =>
            PartialIngestionPercent is double percent ? "partialIngestionPercent=" + percent.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty;
    }
}
