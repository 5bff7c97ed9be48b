using System.Text.Json.Serialization;

namespace PlatformFlow.Client.Models
{
    /// <summary>The body of <c>POST /sourceConnections</c>.</summary>
    public sealed class SourceConnectionRequest
    {
        [JsonPropertyName("name")]
        public string Name { get; init; } = string.Empty;

        [JsonPropertyName("description")]
        public string? Description { get; init; }

        /// <summary>Null (not sent) for a source whose connection spec authenticates without a base connection.</summary>
        [JsonPropertyName("baseConnectionId")]
        public string? BaseConnectionId { get; init; }

        [JsonPropertyName("data")]
        public SourceData Data { get; init; } = new SourceData();

        [JsonPropertyName("params")]
        public SourceParams Params { get; init; } = new SourceParams();

        [JsonPropertyName("connectionSpec")]
        public SpecReference ConnectionSpec { get; init; } = new SpecReference();
    }
}
