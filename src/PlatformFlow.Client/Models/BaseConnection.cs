using System.Text.Json.Nodes;
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

    /// <summary>Which auth spec a connection uses, and its parameters (secrets are masked by the platform on read).</summary>
    public sealed class ConnectionAuth : PlatformModel
    {
        [JsonPropertyName("specName")]
        public string SpecName { get; init; } = string.Empty;

        /// <summary>What is sent: the parameters as JSON.</summary>
        [JsonPropertyName("params")]
        [JsonInclude]
        internal JsonObject? ParamsJson { get; init; }

        /// <summary>The auth parameters (secrets come back masked).</summary>
        [JsonIgnore]
        public PropertyBag? Params => PropertyBag.From(ParamsJson);

        public override string ToString() => SpecName;
    }

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
