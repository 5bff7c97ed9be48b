using System.Collections.Specialized;
using System.Text.Json.Nodes;
using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.Validation
{
    /// <summary>
    /// What New-MappingSet and Test-MappingSet share: the proposed mapping set as Data Prep reads it (with the source's
    /// columns as its input schema), its validation by the platform, the source table's sample rows, and the preview of
    /// those rows as PowerShell-friendly records.
    /// </summary>
    internal static class MappingSetChecks
    {
        public static MappingSetRequest Request(string schemaId, IEnumerable<Mapping> mappings, IReadOnlyList<SourceColumn>? columns) => new MappingSetRequest
        {
            OutputSchema = new MappingSchema { SchemaRef = new DatasetSchemaReference { Id = schemaId, ContentType = WellKnown.XedFullNoTextContentType } },
            Mappings = mappings.ToList(),
            InputSchema = columns is null || columns.Count == 0 ? null : InputSchema(columns),
        };

        /// <summary>The problems of each mapping as "'=lower(Mail) -> personalEmail.address': UNKNOWN_SOURCE_FIELD: ..." lines.</summary>
        public static IEnumerable<string> Describe(IEnumerable<MappingValidation> results) =>
            results.SelectMany(r => r.Problems.Select(p => "'" + r.Mapping + "': " + p));

        /// <summary>The columns and sample rows of the source table; null when the table is not known.</summary>
        public static async Task<TableDetails?> SourceTableAsync(PlatformClient client, string? baseConnectionId, string? tableName, CancellationToken cancellationToken)
        {
            if (string.IsNullOrEmpty(baseConnectionId) || string.IsNullOrEmpty(tableName) || Planned.IsPlanned(baseConnectionId))
            {
                return null;
            }

            return await client.FlowService.ExploreTableAsync(baseConnectionId!, tableName!, preview: true, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>The records of a preview answer (<c>data</c>), as ordered dictionaries: <c>$record.person.name.fullName</c> reads in PowerShell.</summary>
        public static List<OrderedDictionary> Records(JsonObject preview) =>
            (preview["data"] as JsonArray ?? new JsonArray()).OfType<JsonObject>().Select(Record).ToList();

        /// <summary>The <c>errors</c> of a preview answer as "row N, 'mapping': CODE: message" lines.</summary>
        public static IEnumerable<(int? Row, string Mapping, string Code, string Message)> Errors(JsonObject preview) =>
            (preview["errors"] as JsonArray ?? new JsonArray()).OfType<JsonObject>().Select(e => (
                e["row"] is JsonValue row && row.TryGetValue<int>(out var index) ? index : (int?)null,
                ((string?)e["sourceType"] == MappingSourceType.Expression ? "=" : string.Empty) + e["source"] + " -> " + e["destination"],
                (string?)e["errorCode"] ?? "INVALID_MAPPING",
                (string?)e["exception"] ?? "the mapping failed"));

        /// <summary>One line per record for a plan: <c>{personalEmail.address=a@b.c, person.name.fullName=Mia Jensen}</c>.</summary>
        public static string Summary(IEnumerable<OrderedDictionary> records) =>
            string.Join("; ", records.Select(r => "{" + string.Join(", ", Flatten(r, string.Empty)) + "}"));

        private static IEnumerable<string> Flatten(OrderedDictionary record, string prefix)
        {
            foreach (System.Collections.DictionaryEntry entry in record)
            {
                if (entry.Value is OrderedDictionary child)
                {
                    foreach (var line in Flatten(child, prefix + entry.Key + "."))
                    {
                        yield return line;
                    }
                }
                else
                {
                    yield return prefix + entry.Key + "=" + entry.Value;
                }
            }
        }

        private static OrderedDictionary Record(JsonObject obj)
        {
            var record = new OrderedDictionary(StringComparer.OrdinalIgnoreCase);
            foreach (var member in obj)
            {
                record[member.Key] = Value(member.Value);
            }

            return record;
        }

        private static object? Value(JsonNode? node)
        {
            switch (node)
            {
                case null: return null;
                case JsonObject obj: return Record(obj);
                case JsonArray array: return array.Select(Value).ToArray();
                default:
                    var value = node.AsValue();
                    return value.TryGetValue<string>(out var text) ? text
                        : value.TryGetValue<bool>(out var flag) ? flag
                        : value.TryGetValue<long>(out var whole) ? whole
                        : (object)value.GetValue<double>();
            }
        }

        private static JsonObject InputSchema(IReadOnlyList<SourceColumn> columns)
        {
            var properties = new JsonObject();
            foreach (var column in columns)
            {
                properties[column.Name] = new JsonObject { ["type"] = JsonType(column.Type) };
            }

            return new JsonObject { ["jsonSchema"] = new JsonObject { ["type"] = "object", ["properties"] = properties } };
        }

        private static string JsonType(string? columnType)
        {
            switch ((columnType ?? "string").ToLowerInvariant())
            {
                case "double": case "float": case "decimal": case "number": return "number";
                case "int": case "integer": case "long": return "integer";
                case "boolean": case "bool": return "boolean";
                default: return "string";
            }
        }
    }
}
