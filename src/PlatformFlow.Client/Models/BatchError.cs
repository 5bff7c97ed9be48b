using System.Text.Json.Serialization;

namespace PlatformFlow.Client.Models
{
    /// <summary>A batch's error: <c>{code, description, recordCount}</c>.</summary>
    public sealed class BatchError : PlatformModel
    {
        [JsonPropertyName("code")]
        public string? Code { get; init; }

        [JsonPropertyName("description")]
        public string? Description { get; init; }

        [JsonPropertyName("recordCount")]
        public long? RecordCount { get; init; }
    }
}
