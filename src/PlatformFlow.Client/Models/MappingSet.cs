using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using PlatformFlow.Client.Json;

namespace PlatformFlow.Client.Models
{
    /// <summary>A Data Prep mapping set (<c>/mappingSets</c>): how source fields become XDM fields.</summary>
    public sealed class MappingSet : PlatformModel, IRecordRows
    {
        public string Id { get; init; } = string.Empty;

        public int Version { get; init; }

        /// <summary>Optional: Data Prep keeps a name when one was sent.</summary>
        public string? Name { get; init; }

        public MappingSchema? OutputSchema { get; init; }

        [JsonPropertyName("inputSchema"), JsonInclude]
        internal JsonObject? InputSchemaJson { get; init; }

        [JsonIgnore]
        public PropertyBag? InputSchema => PropertyBag.From(InputSchemaJson);

        public ValueList<Mapping>? Mappings { get; init; }

        /// <summary>UTC; Data Prep sends epoch milliseconds.</summary>
        [JsonPropertyName("createdDate")]
        [JsonConverter(typeof(EpochMillisecondsConverter))]
        public DateTimeOffset? CreatedAt { get; init; }

        /// <summary>UTC; Data Prep sends epoch milliseconds.</summary>
        [JsonPropertyName("modifiedDate")]
        [JsonConverter(typeof(EpochMillisecondsConverter))]
        public DateTimeOffset? UpdatedAt { get; init; }

        public string? CreatedBy { get; init; }

        public string? ModifiedBy { get; init; }

        /// <summary>
        /// Under -WhatIf, what the planned mapping set makes of the source table's sample rows (one record per row, see
        /// <see cref="IRecordRows"/>); null otherwise. Never sent.
        /// </summary>
        [JsonIgnore]
        public IReadOnlyList<object>? Preview { get; set; }
    }
}
