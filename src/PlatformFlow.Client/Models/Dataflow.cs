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
        public List<string> SourceConnectionIds { get; init; } = new List<string>();

        [JsonPropertyName("targetConnectionIds")]
        public List<string> TargetConnectionIds { get; init; } = new List<string>();

        [JsonPropertyName("transformations")]
        public List<Transformation>? Transformations { get; init; }

        [JsonPropertyName("scheduleParams")]
        public ScheduleParams? ScheduleParams { get; init; }

        [JsonPropertyName("inheritedAttributes")]
        public JsonObject? InheritedAttributes { get; init; }

        [JsonPropertyName("lastRunDetails")]
        public JsonObject? LastRunDetails { get; init; }
    }

    /// <summary>One transformation of a flow, e.g. <c>{name: "Mapping", params: {mappingId, mappingVersion}}</c>.</summary>
    public sealed class Transformation : PlatformModel
    {
        [JsonPropertyName("name")]
        public string Name { get; init; } = string.Empty;

        [JsonPropertyName("params")]
        public JsonObject? Params { get; init; }
    }

    /// <summary>
    /// <c>scheduleParams</c>. <see cref="StartTime"/> is epoch seconds: read from a number or a string, written as an integer.
    /// </summary>
    public sealed class ScheduleParams : PlatformModel
    {
        [JsonPropertyName("startTime")]
        [JsonConverter(typeof(EpochSecondsConverter))]
        public long StartTime { get; init; }

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
            StartTime = startTime.ToUnixTimeSeconds(),
            Frequency = (frequency ?? string.Empty).Trim().ToLowerInvariant(),
            Interval = interval,
            Backfill = backfill,
        };
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

        [JsonPropertyName("scheduleParams")]
        public ScheduleParams ScheduleParams { get; init; } = new ScheduleParams();
    }
}
