using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace PlatformFlow.Client.Models
{
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
}
