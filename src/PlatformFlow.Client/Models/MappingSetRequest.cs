using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace PlatformFlow.Client.Models
{
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
}
