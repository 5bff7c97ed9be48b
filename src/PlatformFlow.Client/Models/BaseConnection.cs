using System.Text.Json.Serialization;

namespace PlatformFlow.Client.Models
{
    /// <summary>A base connection (<c>/connections</c>): the authenticated link to a source system.</summary>
    public sealed class BaseConnection : FlowServiceResource
    {
        [JsonPropertyName("auth")]
        public ConnectionAuth? Auth { get; init; }

        [JsonPropertyName("connectionSpec")]
        public SpecReference? ConnectionSpec { get; init; }
    }
}
