using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace PlatformFlow.Client.Models
{
    /// <summary>A tenant XDM schema (Schema Registry <c>/tenant/schemas</c>).</summary>
    public sealed class XdmSchema : PlatformModel
    {
        /// <summary>The schema's URI id, e.g. <c>https://ns.adobe.com/{TENANT}/schemas/{hash}</c>.</summary>
        [JsonPropertyName("$id")]
        public string Id { get; init; } = string.Empty;

        [JsonPropertyName("meta:altId")]
        public string? AltId { get; init; }

        public string? Title { get; init; }

        public string? Description { get; init; }

        public string? Type { get; init; }

        public string? Version { get; init; }

        [JsonPropertyName("meta:class")]
        public string? Class { get; init; }

        public ValueList<SchemaReference>? AllOf { get; init; }

        public ValueList<string>? Refs { get; init; }

        [JsonPropertyName("meta:extends")]
        public ValueList<string>? Extends { get; init; }

        /// <summary>Present when read with a full (resolved) Accept header.</summary>
        [JsonPropertyName("properties"), JsonInclude]
        internal JsonObject? PropertiesJson { get; init; }

        [JsonPropertyName("meta:registryMetadata"), JsonInclude]
        internal JsonObject? RegistryMetadataJson { get; init; }

        /// <summary>The resolved fields as plain values (read with a full Accept header); null otherwise.</summary>
        [JsonIgnore]
        public PropertyBag? Properties => PropertyBag.From(PropertiesJson);

        [JsonIgnore]
        public PropertyBag? RegistryMetadata => PropertyBag.From(RegistryMetadataJson);

        /// <summary>The field groups (mixins) the schema is composed of: its <c>allOf</c> entries other than the class.</summary>
        [JsonIgnore]
        public ValueList<string> FieldGroups => new ValueList<string>((AllOf ?? new ValueList<SchemaReference>()).ConvertAll(r => r.Ref).FindAll(r => r != Class));
    }
}
