using System.Text.Json.Nodes;
using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.MappingSuggestions
{
    /// <summary>What suggestions are made from: the target schema, the source's columns and, when known, its sample rows.</summary>
    public sealed class SuggestionSource
    {
        public string SchemaId { get; set; } = string.Empty;

        public IReadOnlyList<SourceColumn> Columns { get; set; } = Array.Empty<SourceColumn>();

        public IReadOnlyList<JsonObject> Rows { get; set; } = Array.Empty<JsonObject>();

        /// <summary>The source table, whose entity names bare columns (<c>Id</c> of <c>Shopify.Orders</c>); optional.</summary>
        public string? TableName { get; set; }
    }
}
