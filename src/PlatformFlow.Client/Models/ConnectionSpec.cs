using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace PlatformFlow.Client.Models
{
    /// <summary>A connection spec (<c>/connectionSpecs</c>): what a source or destination needs and offers.</summary>
    public sealed class ConnectionSpec : FlowServiceSpec
    {
        [JsonPropertyName("description")]
        public string? Description { get; init; }

        [JsonPropertyName("type")]
        public string? Type { get; init; }

        [JsonPropertyName("authSpec")]
        public ValueList<NamedSpec>? AuthSpec { get; init; }

        /// <summary>The sources catalog's category (<c>CRM</c>, <c>CloudStorage</c>, <c>eCommerce</c>...), from its attributes.</summary>
        [JsonIgnore]
        public string? Category => AttributesJson?["category"]?.ToString();

        [JsonPropertyName("sourceSpec")]
        [JsonInclude]
        internal JsonObject? SourceSpecJson { get; init; }

        [JsonPropertyName("targetSpec")]
        [JsonInclude]
        internal JsonObject? TargetSpecJson { get; init; }

        [JsonPropertyName("exploreSpec")]
        [JsonInclude]
        internal JsonObject? ExploreSpecJson { get; init; }

        [JsonIgnore]
        public PropertyBag? SourceSpec => PropertyBag.From(SourceSpecJson);

        [JsonIgnore]
        public PropertyBag? TargetSpec => PropertyBag.From(TargetSpecJson);

        [JsonIgnore]
        public PropertyBag? ExploreSpec => PropertyBag.From(ExploreSpecJson);
    }

    /// <summary>A named JSON Schema inside a spec (auth specs, schedule spec, transformation specs, run spec).</summary>
    public sealed class NamedSpec : PlatformModel
    {
        [JsonPropertyName("name")]
        public string Name { get; init; } = string.Empty;

        [JsonPropertyName("type")]
        public string? Type { get; init; }

        /// <summary>The draft-07 JSON Schema the platform validates against.</summary>
        [JsonPropertyName("spec")]
        [JsonInclude]
        internal JsonObject? SpecJson { get; init; }

        /// <summary>The JSON Schema as plain values.</summary>
        [JsonIgnore]
        public PropertyBag? Spec => PropertyBag.From(SpecJson);

        public override string ToString() => Name;
    }
}
