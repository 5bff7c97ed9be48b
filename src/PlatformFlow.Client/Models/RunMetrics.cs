using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace PlatformFlow.Client.Models
{
    public sealed class RunMetrics : PlatformModel
    {
        public DurationSummary? DurationSummary { get; init; }

        [JsonPropertyName("sizeSummary"), JsonInclude]
        internal JsonObject? SizeSummaryJson { get; init; }

        [JsonIgnore]
        public PropertyBag? SizeSummary => PropertyBag.From(SizeSummaryJson);

        public RecordSummary? RecordSummary { get; init; }

        [JsonPropertyName("fileSummary"), JsonInclude]
        internal JsonObject? FileSummaryJson { get; init; }

        [JsonIgnore]
        public PropertyBag? FileSummary => PropertyBag.From(FileSummaryJson);

        public StatusSummary? StatusSummary { get; init; }

        public override string ToString() => RecordSummary?.ToString() ?? string.Empty;
    }
}
