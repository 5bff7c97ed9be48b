using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace PlatformFlow.Client.Models
{
    /// <summary>A catalogue entry of the Flow Service (a connection spec or a flow spec): what every spec has.</summary>
    public abstract class FlowServiceSpec : PlatformModel
    {
        public string Id { get; init; } = string.Empty;

        public string Name { get; init; } = string.Empty;

        public string? ProviderId { get; init; }

        public string? Version { get; init; }

        [JsonPropertyName("attributes"), JsonInclude]
        internal JsonObject? AttributesJson { get; init; }

        [JsonIgnore]
        public PropertyBag? Attributes => PropertyBag.From(AttributesJson);
    }
}
