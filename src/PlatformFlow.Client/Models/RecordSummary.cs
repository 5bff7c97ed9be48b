using System.Text.Json.Serialization;

namespace PlatformFlow.Client.Models
{
    public sealed class RecordSummary : PlatformModel
    {
        [JsonPropertyName("inputRecordCount")]
        public long? InputRecordCount { get; init; }

        [JsonPropertyName("outputRecordCount")]
        public long? OutputRecordCount { get; init; }

        [JsonPropertyName("failedRecordCount")]
        public long? FailedRecordCount { get; init; }

        public override string ToString() => "in " + InputRecordCount + ", out " + OutputRecordCount + ", failed " + FailedRecordCount;
    }
}
