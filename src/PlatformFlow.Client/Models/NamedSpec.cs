using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace PlatformFlow.Client.Models
{
    /// <summary>A named JSON Schema inside a spec (auth specs, schedule spec, transformation specs, run spec).</summary>
    public sealed class NamedSpec : PlatformModel
    {
        public string Name { get; init; } = string.Empty;

        public string? Type { get; init; }

        /// <summary>The draft-07 JSON Schema the platform validates against.</summary>
        [JsonPropertyName("spec"), JsonInclude]
        internal JsonObject? SpecJson { get; init; }

        /// <summary>The JSON Schema as plain values.</summary>
        [JsonIgnore]
        public PropertyBag? Spec => PropertyBag.From(SpecJson);

        public override string ToString() => Name;
    }
}
