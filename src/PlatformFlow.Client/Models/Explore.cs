using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace PlatformFlow.Client.Models
{
    /// <summary>One entry of <c>GET /connections/{id}/explore?objectType=root</c>: a table or a folder.</summary>
    public sealed class ExploreItem : PlatformModel
    {
        public string? Type { get; init; }

        public string Name { get; init; } = string.Empty;

        public string? Path { get; init; }

        public bool? CanPreview { get; init; }

        public bool? CanFetchSchema { get; init; }
    }

    /// <summary>The answer to <c>explore?objectType=table&amp;object=...</c>: the table's columns and, with preview, rows.</summary>
    public sealed class TableDetails : PlatformModel
    {
        public string? Format { get; init; }

        public TableSchema? Schema { get; init; }

        [JsonPropertyName("data"), JsonInclude]
        internal List<JsonObject>? DataJson { get; init; }
    }

    public sealed class TableSchema : PlatformModel
    {
        public List<SourceColumn> Columns { get; init; } = new List<SourceColumn>();
    }

    /// <summary>A source column: <c>{name, type}</c>, as explore returns and source connections take.</summary>
    public sealed class SourceColumn : PlatformModel
    {
        public SourceColumn()
        {
        }

        public SourceColumn(string name, string type = "string")
        {
            Name = name;
            Type = type;
        }

        public string Name { get; init; } = string.Empty;

        public string? Type { get; init; }

        public override string ToString() => Name;
    }
}
