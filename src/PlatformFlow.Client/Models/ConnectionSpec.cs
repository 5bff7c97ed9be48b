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
        public List<NamedSpec>? AuthSpec { get; init; }

        [JsonPropertyName("sourceSpec")]
        public JsonObject? SourceSpec { get; init; }

        [JsonPropertyName("targetSpec")]
        public JsonObject? TargetSpec { get; init; }

        [JsonPropertyName("exploreSpec")]
        public JsonObject? ExploreSpec { get; init; }
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
        public JsonObject? Spec { get; init; }
    }
}
