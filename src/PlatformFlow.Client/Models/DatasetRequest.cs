using System.Text.Json.Serialization;

namespace PlatformFlow.Client.Models
{
    /// <summary>The body of <c>POST /dataSets</c>.</summary>
    public sealed class DatasetRequest
    {
        [JsonPropertyName("name")]
        public string Name { get; init; } = string.Empty;

        [JsonPropertyName("description")]
        public string? Description { get; init; }

        [JsonPropertyName("schemaRef")]
        public DatasetSchemaReference SchemaRef { get; init; } = new DatasetSchemaReference();
    }
}
