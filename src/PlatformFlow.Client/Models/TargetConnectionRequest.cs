using System.Text.Json.Serialization;

namespace PlatformFlow.Client.Models
{
    /// <summary>The body of <c>POST /targetConnections</c>.</summary>
    public sealed class TargetConnectionRequest
    {
        [JsonPropertyName("name")]
        public string Name { get; init; } = string.Empty;

        [JsonPropertyName("description")]
        public string? Description { get; init; }

        [JsonPropertyName("data")]
        public TargetData Data { get; init; } = new TargetData();

        [JsonPropertyName("params")]
        public TargetParams Params { get; init; } = new TargetParams();

        [JsonPropertyName("connectionSpec")]
        public SpecReference ConnectionSpec { get; init; } = new SpecReference();
    }
}
