using System.Text.Json.Serialization;

namespace PlatformFlow.Client.Models
{
    /// <summary>A sandbox of the organization, as the Sandbox API lists it (<c>/sandbox-management/sandboxes</c>).</summary>
    public sealed class Sandbox : PlatformModel
    {
        /// <summary>The name to pass as <c>-Sandbox</c> (the <c>x-sandbox-name</c> header), lower case.</summary>
        public string Name { get; init; } = string.Empty;

        public string? Title { get; init; }

        /// <summary><c>active</c>, <c>creating</c>, <c>resetting</c>, <c>failed</c> or <c>deleted</c>.</summary>
        public string? State { get; init; }

        /// <summary><c>production</c> or <c>development</c>.</summary>
        public string? Type { get; init; }

        public string? Region { get; init; }

        public bool IsDefault { get; init; }

        /// <summary>UTC; the Sandbox API sends an ISO 8601 date-time.</summary>
        [JsonPropertyName("createdDate")]
        public DateTimeOffset? CreatedAt { get; init; }

        /// <summary>UTC; the Sandbox API sends an ISO 8601 date-time.</summary>
        [JsonPropertyName("lastModifiedDate")]
        public DateTimeOffset? UpdatedAt { get; init; }
    }
}
