using System.Collections.Generic;
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

        [JsonPropertyName("title")]
        public string? Title { get; init; }

        [JsonPropertyName("description")]
        public string? Description { get; init; }

        [JsonPropertyName("type")]
        public string? Type { get; init; }

        [JsonPropertyName("version")]
        public string? Version { get; init; }

        [JsonPropertyName("meta:class")]
        public string? Class { get; init; }

        [JsonPropertyName("allOf")]
        public ValueList<SchemaReference>? AllOf { get; init; }

        [JsonPropertyName("refs")]
        public ValueList<string>? Refs { get; init; }

        [JsonPropertyName("meta:extends")]
        public ValueList<string>? Extends { get; init; }

        /// <summary>Present when read with a full (resolved) Accept header.</summary>
        [JsonPropertyName("properties")]
        [JsonInclude]
        internal JsonObject? PropertiesJson { get; init; }

        [JsonPropertyName("meta:registryMetadata")]
        [JsonInclude]
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

    /// <summary>One <c>allOf</c> entry: a class, field group or data type by <c>$ref</c>.</summary>
    public sealed class SchemaReference : PlatformModel
    {
        public SchemaReference()
        {
        }

        public SchemaReference(string reference)
        {
            Ref = reference;
        }

        [JsonPropertyName("$ref")]
        public string Ref { get; init; } = string.Empty;

        public override string ToString() => Ref;
    }

    /// <summary>The body of <c>POST /tenant/schemas</c>: a class and field groups composed with <c>allOf</c>.</summary>
    public sealed class XdmSchemaRequest
    {
        [JsonPropertyName("type")]
        public string Type { get; init; } = "object";

        [JsonPropertyName("title")]
        public string Title { get; init; } = string.Empty;

        [JsonPropertyName("description")]
        public string? Description { get; init; }

        [JsonPropertyName("allOf")]
        public List<SchemaReference> AllOf { get; init; } = new List<SchemaReference>();

        [JsonPropertyName("meta:class")]
        public string? Class { get; init; }
    }
}
