using System.Text.Json.Nodes;

namespace PlatformFlow.Client.MappingSuggestions
{
    /// <summary>A source column as the matcher sees it: its name, its type's family and its non-empty sample values as text.</summary>
    public sealed class ColumnProfile
    {
        public ColumnProfile(string name, string? type, IEnumerable<JsonNode?>? samples = null)
        {
            Name = name;
            Family = FamilyOf(type);
            Samples = (samples ?? Enumerable.Empty<JsonNode?>())
                .OfType<JsonValue>()
                .Select(v => v.TryGetValue<string>(out var text) ? text : v.ToJsonString())
                .Where(text => !string.IsNullOrWhiteSpace(text))
                .ToList();
            Words = ColumnName.Words(name);
        }

        public string Name { get; }

        /// <summary><c>string</c>, <c>number</c>, <c>boolean</c>, <c>date</c> or <c>datetime</c>.</summary>
        public string Family { get; }

        public IReadOnlyList<string> Samples { get; }

        internal IReadOnlyList<string> Words { get; }

        /// <summary>The columns of rows: each column's values, in row order.</summary>
        public static List<ColumnProfile> FromRows(IEnumerable<(string Name, string? Type)> columns, IReadOnlyList<JsonObject>? rows) =>
            columns.Select(c => new ColumnProfile(c.Name, c.Type, rows?.Select(r => r.TryGetPropertyValue(c.Name, out var value) ? value : null))).ToList();

        private static string FamilyOf(string? type)
        {
            switch ((type ?? "string").ToLowerInvariant())
            {
                case "double": case "float": case "decimal": case "number": case "int": case "integer": case "long": case "bigint": case "short":
                    return "number";
                case "boolean": case "bool":
                    return "boolean";
                case "date":
                    return "date";
                case "datetime": case "date-time": case "timestamp":
                    return "datetime";
                default:
                    return "string";
            }
        }
    }
}
