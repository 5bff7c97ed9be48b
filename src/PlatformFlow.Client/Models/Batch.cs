using System.Text.Json.Serialization;
using PlatformFlow.Client.Json;

namespace PlatformFlow.Client.Models
{
    /// <summary>
    /// A Catalog batch: what one run wrote to a dataset. Catalog answers with objects keyed by id, so <see cref="Id"/> is
    /// filled from that key; the flow and run it came from are in its tags.
    /// </summary>
    public sealed class Batch : PlatformModel
    {
        public string Id { get; set; } = string.Empty;

        /// <summary><c>success</c> (something landed, also when some records failed), <c>failed</c> (nothing did), <c>processing</c>...</summary>
        public string? Status { get; init; }

        [JsonPropertyName("relatedObjects"), JsonInclude]
        internal List<BatchRelatedObject>? RelatedObjectsJson { get; init; }

        /// <summary>Catalog's <c>metrics</c>: the records read, landed and failed, named as a run's record summary names them.</summary>
        [JsonPropertyName("metrics"), JsonInclude]
        internal RecordSummary? MetricsJson { get; init; }

        [JsonPropertyName("errors"), JsonInclude]
        internal List<BatchError>? ErrorsJson { get; init; }

        [JsonPropertyName("tags"), JsonInclude]
        internal Dictionary<string, List<string>>? TagsJson { get; init; }

        /// <summary>UTC; Catalog sends epoch milliseconds.</summary>
        [JsonPropertyName("created")]
        [JsonConverter(typeof(EpochMillisecondsConverter))]
        public DateTimeOffset? CreatedAt { get; init; }

        /// <summary>When the batch became final (UTC); null while it is processing.</summary>
        [JsonPropertyName("completed")]
        [JsonConverter(typeof(EpochMillisecondsConverter))]
        public DateTimeOffset? CompletedAt { get; init; }

        /// <summary>The dataset the batch wrote to (its related object of type <c>dataSet</c>).</summary>
        [JsonIgnore]
        public string? DatasetId => RelatedObjectsJson?.FirstOrDefault(o => string.Equals(o.Type, "dataSet", StringComparison.OrdinalIgnoreCase))?.Id;

        /// <summary>The flow that wrote the batch (tag <c>flowId</c>); null for a batch written otherwise.</summary>
        [JsonIgnore]
        public string? FlowId => Tag("flowId");

        /// <summary>The run that wrote the batch (tag <c>runId</c>).</summary>
        [JsonIgnore]
        public string? RunId => Tag("runId");

        [JsonIgnore]
        public long? RecordsRead => MetricsJson?.InputRecordCount;

        [JsonIgnore]
        public long? RecordsWritten => MetricsJson?.OutputRecordCount;

        [JsonIgnore]
        public long? RecordsFailed => MetricsJson?.FailedRecordCount;

        /// <summary>The batch's errors, each with its code, message (Catalog's <c>description</c>) and how many records it hit.</summary>
        [JsonIgnore]
        public ValueList<RunError> Errors => new ValueList<RunError>((ErrorsJson ?? new List<BatchError>()).Select(e => new RunError { Code = e.Code, Message = e.Description, RecordCount = e.RecordCount }));

        /// <summary>Catalog's tags: each name with its values.</summary>
        [JsonIgnore]
        public PropertyBag? Tags => TagsJson is null ? null : PropertyBag.FromLists(TagsJson);

        private string? Tag(string name) =>
            TagsJson?.FirstOrDefault(t => string.Equals(t.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
    }
}
