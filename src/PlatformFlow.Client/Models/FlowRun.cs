using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace PlatformFlow.Client.Models
{
    /// <summary>A flow run (<c>/runs</c>) with its metrics, as the monitoring guide shows them.</summary>
    public sealed class FlowRun : FlowServiceResource
    {
        public string FlowId { get; init; } = string.Empty;

        public SpecReference? FlowSpec { get; init; }

        public string? ProviderRefId { get; init; }

        /// <summary>What the run was asked to read: <c>windowStartTime</c>, <c>windowEndTime</c> (epoch seconds), <c>deltaColumn</c>.</summary>
        [JsonPropertyName("params"), JsonInclude]
        internal JsonObject? ParamsJson { get; init; }

        /// <summary>The run's parameters as plain values.</summary>
        [JsonIgnore]
        public PropertyBag? Params => PropertyBag.From(ParamsJson);

        /// <summary>The start of the window of source data the run reads (UTC); null when the platform did not say.</summary>
        [JsonIgnore]
        public DateTimeOffset? WindowStart => EpochSecondsOf("windowStartTime");

        /// <summary>The end of the window (UTC).</summary>
        [JsonIgnore]
        public DateTimeOffset? WindowEnd => EpochSecondsOf("windowEndTime");

        public RunMetrics? Metrics { get; init; }

        [JsonPropertyName("activities"), JsonInclude]
        internal List<JsonObject>? ActivitiesJson { get; init; }

        /// <summary>The run's activities as plain values; in a CSV cell or a list, each activity's id and status.</summary>
        [JsonIgnore]
        public ValueList<PropertyBag>? Activities => ActivitiesJson is null ? null : new ValueList<PropertyBag>(ActivitiesJson.ConvertAll(a => PropertyBag.From(a)!), ActivityText);

        /// <summary>The name of the run's flow, when the command that read the run looked it up; null otherwise.</summary>
        [JsonIgnore]
        public string? FlowName { get; internal set; }

        /// <summary>The records the run read (<c>recordSummary.inputRecordCount</c>); null until the platform counted them.</summary>
        [JsonIgnore]
        public long? RecordsRead => Metrics?.RecordSummary?.InputRecordCount;

        /// <summary>The records that landed in the dataset (<c>outputRecordCount</c>).</summary>
        [JsonIgnore]
        public long? RecordsWritten => Metrics?.RecordSummary?.OutputRecordCount;

        /// <summary>The records that failed mapping or validation (<c>failedRecordCount</c>).</summary>
        [JsonIgnore]
        public long? RecordsFailed => Metrics?.RecordSummary?.FailedRecordCount;

        /// <summary>The run's errors (<c>statusSummary.errors</c>), each with its code, message and how many records it hit.</summary>
        [JsonIgnore]
        public ValueList<RunError> Errors => Metrics?.StatusSummary?.Errors ?? new ValueList<RunError>();

        /// <summary>
        /// The Catalog batch the run wrote: the first <c>targetInfo</c> entry of type <c>Batch</c> of any activity; null for
        /// a run that wrote none (one that failed before reading anything).
        /// </summary>
        [JsonIgnore]
        public string? BatchId => (ActivitiesJson ?? new List<JsonObject>())
            .SelectMany(activity => (activity["targetInfo"] as JsonArray ?? new JsonArray()).OfType<JsonObject>())
            .Where(target => string.Equals((string?)target["type"], "Batch", StringComparison.OrdinalIgnoreCase))
            .Select(target => (string?)target["id"])
            .FirstOrDefault(id => !string.IsNullOrEmpty(id));

        /// <summary>
        /// The run's status by name (<c>Success</c>, <c>Failed</c>, <c>InProgress</c>...), from
        /// <c>metrics.statusSummary.status</c>; a name rather than an enum so JSON and CSV show the word.
        /// </summary>
        [JsonIgnore]
        public string Status => StatusKind.ToString();

        /// <summary>When the run started (UTC); null while queued.</summary>
        [JsonIgnore]
        public DateTimeOffset? StartedAt => Metrics?.DurationSummary?.StartedAtUtc;

        /// <summary>When the run finished (UTC); null while it runs.</summary>
        [JsonIgnore]
        public DateTimeOffset? CompletedAt => Metrics?.DurationSummary?.CompletedAtUtc;

        /// <summary>
        /// How long the run took, as text (<c>hh:mm:ss</c>, TimeSpan's "c" format); null until it finished. This is what
        /// JSON and CSV writers see; in PowerShell, <c>Duration</c> is the <see cref="TimeSpan"/> of <see cref="GetDuration"/>
        /// (PlatformFlow.types.ps1xml), since ConvertTo-Json would write a TimeSpan as 17 fields.
        /// </summary>
        [JsonIgnore]
        public string? Duration => GetDuration()?.ToString("c", CultureInfo.InvariantCulture);

        /// <summary>How long the run took; null until it finished.</summary>
        public TimeSpan? GetDuration() => StartedAt is DateTimeOffset started && CompletedAt is DateTimeOffset completed ? completed - started : (TimeSpan?)null;

        [JsonIgnore]
        internal RunStatus StatusKind => RunStatusNames.Parse(Metrics?.StatusSummary?.Status);

        private static string ActivityText(PropertyBag activity) =>
            PlainValue.Text(activity["id"] ?? activity["name"]) + (activity["statusSummary"] is PropertyBag status ? ": " + PlainValue.Text(status["status"]) : string.Empty);

        private DateTimeOffset? EpochSecondsOf(string member) =>
            ParamsJson?[member] is JsonValue value && value.TryGetValue<long>(out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : (DateTimeOffset?)null;
    }
}
