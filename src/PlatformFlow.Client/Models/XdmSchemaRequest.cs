using System.Text.Json.Serialization;

namespace PlatformFlow.Client.Models
{
    /// <summary>The body of <c>POST /tenant/schemas</c>: a class and field groups composed with <c>allOf</c>.</summary>
    public sealed class XdmSchemaRequest
    {
        public string Type { get; init; } = "object";

        public string Title { get; init; } = string.Empty;

        public string? Description { get; init; }

        public List<SchemaReference> AllOf { get; init; } = new List<SchemaReference>();

        [JsonPropertyName("meta:class")]
        public string? Class { get; init; }
    }
}
