using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace PlatformFlow.Client.Models
{
    /// <summary>A Catalog dataset. Catalog answers with objects keyed by id, so <see cref="Id"/> is filled from that key.</summary>
    public sealed class Dataset : PlatformModel
    {
        [JsonPropertyName("id")]
        public string Id { get; set; } = string.Empty;

        [JsonPropertyName("name")]
        public string? Name { get; init; }

        [JsonPropertyName("description")]
        public string? Description { get; init; }

        [JsonPropertyName("schemaRef")]
        public DatasetSchemaReference? SchemaRef { get; init; }

        /// <summary>Epoch milliseconds.</summary>
        [JsonPropertyName("created")]
        public long? Created { get; init; }

        /// <summary>Epoch milliseconds.</summary>
        [JsonPropertyName("updated")]
        public long? Updated { get; init; }

        [JsonPropertyName("version")]
        public string? Version { get; init; }

        [JsonPropertyName("imsOrg")]
        public string? ImsOrg { get; init; }

        [JsonPropertyName("tags")]
        public Dictionary<string, List<string>>? Tags { get; init; }
    }

    /// <summary><c>schemaRef</c>: the schema's <c>$id</c> and the content type to read it with.</summary>
    public sealed class DatasetSchemaReference : PlatformModel
    {
        [JsonPropertyName("id")]
        public string Id { get; init; } = string.Empty;

        [JsonPropertyName("contentType")]
        public string? ContentType { get; init; }
    }

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
