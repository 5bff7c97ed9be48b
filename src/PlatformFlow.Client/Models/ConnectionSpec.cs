using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace PlatformFlow.Client.Models
{
    /// <summary>A connection spec (<c>/connectionSpecs</c>): what a source or destination needs and offers.</summary>
    public sealed class ConnectionSpec : FlowServiceSpec
    {
        public string? Description { get; init; }

        public string? Type { get; init; }

        public ValueList<NamedSpec>? AuthSpec { get; init; }

        /// <summary>The sources catalog's category (<c>CRM</c>, <c>CloudStorage</c>, <c>eCommerce</c>...), from its attributes.</summary>
        [JsonIgnore]
        public string? Category => AttributesJson?["category"]?.ToString();

        [JsonPropertyName("sourceSpec"), JsonInclude]
        internal JsonObject? SourceSpecJson { get; init; }

        [JsonPropertyName("targetSpec"), JsonInclude]
        internal JsonObject? TargetSpecJson { get; init; }

        [JsonPropertyName("exploreSpec"), JsonInclude]
        internal JsonObject? ExploreSpecJson { get; init; }

        [JsonIgnore]
        public PropertyBag? SourceSpec => PropertyBag.From(SourceSpecJson);

        [JsonIgnore]
        public PropertyBag? TargetSpec => PropertyBag.From(TargetSpecJson);

        [JsonIgnore]
        public PropertyBag? ExploreSpec => PropertyBag.From(ExploreSpecJson);
    }
}
