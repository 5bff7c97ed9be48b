using System;
using System.Text.Json.Serialization;
using PlatformFlow.Client.Json;

namespace PlatformFlow.Client.Models
{
    /// <summary>A Flow Service resource: id, etag and audit fields.</summary>
    public abstract class FlowServiceResource : PlatformModel
    {
        [JsonPropertyName("id")]
        public string Id { get; init; } = string.Empty;

        [JsonPropertyName("name")]
        public string? Name { get; init; }

        [JsonPropertyName("description")]
        public string? Description { get; init; }

        /// <summary>The etag exactly as the platform returned it (quotes included): send it back in <c>If-Match</c>.</summary>
        [JsonPropertyName("etag")]
        public string? Etag { get; init; }

        [JsonPropertyName("state")]
        public string? State { get; init; }

        /// <summary>UTC; the platform sends epoch milliseconds.</summary>
        [JsonPropertyName("createdAt")]
        [JsonConverter(typeof(EpochMillisecondsConverter))]
        public DateTimeOffset? CreatedAt { get; init; }

        /// <summary>UTC; the platform sends epoch milliseconds.</summary>
        [JsonPropertyName("updatedAt")]
        [JsonConverter(typeof(EpochMillisecondsConverter))]
        public DateTimeOffset? UpdatedAt { get; init; }

        [JsonPropertyName("createdBy")]
        public string? CreatedBy { get; init; }

        [JsonPropertyName("updatedBy")]
        public string? UpdatedBy { get; init; }
    }
}
