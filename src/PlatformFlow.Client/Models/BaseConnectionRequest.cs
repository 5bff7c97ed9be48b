using System.Text.Json.Serialization;

namespace PlatformFlow.Client.Models
{
    /// <summary>The body of <c>POST /connections</c>.</summary>
    public sealed class BaseConnectionRequest
    {
        [JsonPropertyName("name")]
        public string Name { get; init; } = string.Empty;

        [JsonPropertyName("description")]
        public string? Description { get; init; }

        [JsonPropertyName("auth")]
        public ConnectionAuth Auth { get; init; } = new ConnectionAuth();

        [JsonPropertyName("connectionSpec")]
        public SpecReference ConnectionSpec { get; init; } = new SpecReference();
    }
}
