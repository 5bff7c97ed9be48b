using System.Text.Json.Serialization;
using PlatformFlow.Client.Json;

namespace PlatformFlow.Client.Models
{
    /// <summary>A Catalog dataset. Catalog answers with objects keyed by id, so <see cref="Id"/> is filled from that key.</summary>
    public sealed class Dataset : PlatformModel
    {
        public string Id { get; set; } = string.Empty;

        public string? Name { get; init; }

        public string? Description { get; init; }

        public DatasetSchemaReference? SchemaRef { get; init; }

        /// <summary>UTC; Catalog sends epoch milliseconds.</summary>
        [JsonPropertyName("created")]
        [JsonConverter(typeof(EpochMillisecondsConverter))]
        public DateTimeOffset? CreatedAt { get; init; }

        /// <summary>UTC; Catalog sends epoch milliseconds.</summary>
        [JsonPropertyName("updated")]
        [JsonConverter(typeof(EpochMillisecondsConverter))]
        public DateTimeOffset? UpdatedAt { get; init; }

        public string? Version { get; init; }

        public string? ImsOrg { get; init; }

        [JsonPropertyName("tags"), JsonInclude]
        internal Dictionary<string, List<string>>? TagsJson { get; init; }

        /// <summary>Catalog's tags: each name with its values.</summary>
        [JsonIgnore]
        public PropertyBag? Tags => TagsJson is null ? null : PropertyBag.FromLists(TagsJson);

        /// <summary>The <c>$id</c> of the dataset's XDM schema.</summary>
        [JsonIgnore]
        public string? SchemaId => SchemaRef?.Id;

        /// <summary>The title of the dataset's XDM schema, as a listing looked it up (once per schema); null when not looked up.</summary>
        [JsonIgnore]
        public string? SchemaTitle { get; set; }
    }
}
