using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace PlatformFlow.Client.Models
{
    /// <summary>Which auth spec a connection uses, and its parameters (secrets are masked by the platform on read).</summary>
    public sealed class ConnectionAuth : PlatformModel
    {
        public string SpecName { get; init; } = string.Empty;

        /// <summary>What is sent: the parameters as JSON.</summary>
        [JsonPropertyName("params"), JsonInclude]
        internal JsonObject? ParamsJson { get; init; }

        /// <summary>The auth parameters (secrets come back masked).</summary>
        [JsonIgnore]
        public PropertyBag? Params => PropertyBag.From(ParamsJson);

        public override string ToString() => SpecName;
    }
}
