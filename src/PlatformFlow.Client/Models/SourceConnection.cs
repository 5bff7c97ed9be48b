using System.Text.Json.Serialization;

namespace PlatformFlow.Client.Models
{
    /// <summary>A source connection (<c>/sourceConnections</c>): which data of a base connection a flow reads.</summary>
    public sealed class SourceConnection : FlowServiceResource
    {
        [JsonPropertyName("baseConnectionId")]
        public string? BaseConnectionId { get; init; }

        [JsonPropertyName("data")]
        public SourceData? Data { get; init; }

        [JsonPropertyName("params")]
        public SourceParams? Params { get; init; }

        [JsonPropertyName("connectionSpec")]
        public SpecReference? ConnectionSpec { get; init; }
    }
}
