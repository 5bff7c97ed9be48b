using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using PlatformFlow.Client.Json;

namespace PlatformFlow.Client.Models
{
    /// <summary>A Data Prep mapping set (<c>/mappingSets</c>): how source fields become XDM fields.</summary>
    public sealed class MappingSet : PlatformModel, IRecordRows
    {
        [JsonPropertyName("id")]
        public string Id { get; init; } = string.Empty;

        [JsonPropertyName("version")]
        public int Version { get; init; }

        /// <summary>Optional: Data Prep keeps a name when one was sent.</summary>
        [JsonPropertyName("name")]
        public string? Name { get; init; }

        [JsonPropertyName("outputSchema")]
        public MappingSchema? OutputSchema { get; init; }

        [JsonPropertyName("inputSchema")]
        [JsonInclude]
        internal JsonObject? InputSchemaJson { get; init; }

        [JsonIgnore]
        public PropertyBag? InputSchema => PropertyBag.From(InputSchemaJson);

        [JsonPropertyName("mappings")]
        public ValueList<Mapping>? Mappings { get; init; }

        /// <summary>UTC; Data Prep sends epoch milliseconds.</summary>
        [JsonPropertyName("createdDate")]
        [JsonConverter(typeof(EpochMillisecondsConverter))]
        public DateTimeOffset? CreatedAt { get; init; }

        /// <summary>UTC; Data Prep sends epoch milliseconds.</summary>
        [JsonPropertyName("modifiedDate")]
        [JsonConverter(typeof(EpochMillisecondsConverter))]
        public DateTimeOffset? UpdatedAt { get; init; }

        [JsonPropertyName("createdBy")]
        public string? CreatedBy { get; init; }

        [JsonPropertyName("modifiedBy")]
        public string? ModifiedBy { get; init; }

        /// <summary>
        /// Under -WhatIf, what the planned mapping set makes of the source table's sample rows (one record per row, see
        /// <see cref="IRecordRows"/>); null otherwise. Never sent.
        /// </summary>
        [JsonIgnore]
        public IReadOnlyList<object>? Preview { get; set; }
    }

    /// <summary><c>outputSchema</c>: the target schema of a mapping set.</summary>
    public sealed class MappingSchema : PlatformModel
    {
        [JsonPropertyName("schemaRef")]
        public DatasetSchemaReference SchemaRef { get; init; } = new DatasetSchemaReference();

        public override string ToString() => SchemaRef.Id;
    }

    /// <summary>
    /// One mapping in the current format. Also reads the tutorial's older names
    /// (<c>sourceAttribute</c>, <c>destinationXdmPath</c>), always writes the current ones.
    /// </summary>
    [JsonConverter(typeof(MappingConverter))]
    public sealed class Mapping
    {
        public Mapping()
        {
        }

        public Mapping(string source, string destination, string sourceType = MappingSourceType.Attribute)
        {
            Source = source;
            Destination = destination;
            SourceType = sourceType;
        }

        /// <summary><c>ATTRIBUTE</c> (a source field), <c>EXPRESSION</c> (a Data Prep function) or <c>STATIC</c> (a constant).</summary>
        public string SourceType { get; init; } = MappingSourceType.Attribute;

        public string Source { get; init; } = string.Empty;

        /// <summary>The XDM field path, e.g. <c>personalEmail.address</c>.</summary>
        public string Destination { get; init; } = string.Empty;

        public string? Name { get; init; }

        public string? Description { get; init; }

        public override string ToString() => (SourceType == MappingSourceType.Expression ? "=" : string.Empty) + Source + " -> " + Destination;

        /// <summary>
        /// A <c>source = destination</c> pair as -Mapping takes it: a source starting with <c>=</c> is a calculated field
        /// (an <c>EXPRESSION</c> mapping, e.g. <c>'=lower(Email)'</c>), anything else a source field (<c>ATTRIBUTE</c>).
        /// </summary>
        public static Mapping FromPair(string source, string destination) =>
            source.StartsWith("=", StringComparison.Ordinal)
                ? new Mapping(source.Substring(1).Trim(), destination, MappingSourceType.Expression)
                : new Mapping(source, destination);
    }

    public static class MappingSourceType
    {
        public const string Attribute = "ATTRIBUTE";
        public const string Expression = "EXPRESSION";
        public const string Static = "STATIC";

        public static readonly IReadOnlyList<string> All = new[] { Attribute, Expression, Static };
    }

    /// <summary>
    /// The body of <c>POST /mappingSets</c>, written in the current format. <see cref="Parse"/> also takes the tutorial's
    /// older form (<c>xdmSchema</c>, <c>xdmVersion</c>, <c>mappings[{sourceAttribute, destinationXdmPath}]</c>).
    /// </summary>
    [JsonConverter(typeof(MappingSetRequestConverter))]
    public sealed class MappingSetRequest
    {
        public MappingSchema OutputSchema { get; init; } = new MappingSchema();

        public List<Mapping> Mappings { get; init; } = new List<Mapping>();

        /// <summary>The source's fields (<c>{jsonSchema: {type, properties}}</c>) when known: validation checks the sources against them.</summary>
        public JsonObject? InputSchema { get; init; }

        public static MappingSetRequest Parse(JsonObject body)
        {
            var schemaId = (string?)body["outputSchema"]?["schemaRef"]?["id"] ?? (string?)body["xdmSchema"];
            if (string.IsNullOrEmpty(schemaId))
            {
                throw new JsonException("A mapping set needs outputSchema.schemaRef.id (or the older xdmSchema).");
            }

            var contentType = (string?)body["outputSchema"]?["schemaRef"]?["contentType"] ?? WellKnown.XedFullNoTextContentType;
            var mappings = new List<Mapping>();
            if (body["mappings"] is JsonArray items)
            {
                foreach (var item in items)
                {
                    mappings.Add(MappingConverter.FromJson(item as JsonObject ?? throw new JsonException("Each mapping must be a JSON object.")));
                }
            }

            return new MappingSetRequest
            {
                OutputSchema = new MappingSchema { SchemaRef = new DatasetSchemaReference { Id = schemaId!, ContentType = contentType } },
                Mappings = mappings,
            };
        }
    }

    internal sealed class MappingConverter : JsonConverter<Mapping>
    {
        public override Mapping Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            FromJson(JsonNode.Parse(ref reader) as JsonObject ?? throw new JsonException("A mapping must be a JSON object."));

        public override void Write(Utf8JsonWriter writer, Mapping value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            writer.WriteString("sourceType", value.SourceType);
            writer.WriteString("source", value.Source);
            writer.WriteString("destination", value.Destination);
            if (value.Name != null)
            {
                writer.WriteString("name", value.Name);
            }

            if (value.Description != null)
            {
                writer.WriteString("description", value.Description);
            }

            writer.WriteEndObject();
        }

        internal static Mapping FromJson(JsonObject item)
        {
            var source = (string?)item["source"] ?? (string?)item["sourceAttribute"];
            var destination = (string?)item["destination"] ?? (string?)item["destinationXdmPath"];
            if (string.IsNullOrEmpty(source) || string.IsNullOrEmpty(destination))
            {
                throw new JsonException("Each mapping needs a source (or sourceAttribute) and a destination (or destinationXdmPath).");
            }

            return new Mapping
            {
                SourceType = ((string?)item["sourceType"] ?? MappingSourceType.Attribute).ToUpperInvariant(),
                Source = source!,
                Destination = destination!,
                Name = (string?)item["name"],
                Description = (string?)item["description"],
            };
        }
    }

    internal sealed class MappingSetRequestConverter : JsonConverter<MappingSetRequest>
    {
        public override MappingSetRequest Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            MappingSetRequest.Parse(JsonNode.Parse(ref reader) as JsonObject ?? throw new JsonException("A mapping set must be a JSON object."));

        public override void Write(Utf8JsonWriter writer, MappingSetRequest value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            writer.WritePropertyName("outputSchema");
            writer.WriteStartObject();
            writer.WritePropertyName("schemaRef");
            writer.WriteStartObject();
            writer.WriteString("id", value.OutputSchema.SchemaRef.Id);
            writer.WriteString("contentType", value.OutputSchema.SchemaRef.ContentType ?? WellKnown.XedFullNoTextContentType);
            writer.WriteEndObject();
            writer.WriteEndObject();
            if (value.InputSchema != null)
            {
                writer.WritePropertyName("inputSchema");
                value.InputSchema.WriteTo(writer);
            }

            writer.WritePropertyName("mappings");
            writer.WriteStartArray();
            var mappingConverter = new MappingConverter();
            foreach (var mapping in value.Mappings)
            {
                mappingConverter.Write(writer, mapping, options);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }
    }
}
