using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace PlatformFlow.Client.Models
{
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
