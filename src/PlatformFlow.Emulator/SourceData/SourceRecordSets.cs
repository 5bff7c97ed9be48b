using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Text.Json.Nodes;
using PlatformFlow.Emulator.FlowService;

namespace PlatformFlow.Emulator.SourceData
{
    /// <summary>
    /// The records behind every explorable table (and file: it holds the records of the table it names) of the seeded catalogue, generated on first use and shared by every
    /// engine and sandbox (they are never changed). A table no generator knows has its preview rows as its records.
    /// </summary>
    public static class SourceRecordSets
    {
        private static readonly ConcurrentDictionary<string, Lazy<SourceRecordSet?>> Sets = new ConcurrentDictionary<string, Lazy<SourceRecordSet?>>(StringComparer.Ordinal);

        /// <summary>The records of a table of a connection spec, or null when the catalogue has no such table; a delimited file's as text, as a CSV holds them.</summary>
        public static SourceRecordSet? For(string connectionSpecId, string tableName) =>
            SpecCatalog.Instance.SameRecordsAs(connectionSpecId, tableName) is var (specId, table)
                ? SpecCatalog.Instance.IsDelimited(connectionSpecId, tableName)
                    ? Sets.GetOrAdd(specId + "|" + table + "|text", _ => new Lazy<SourceRecordSet?>(() => For(specId, table) is SourceRecordSet typed ? DelimitedText.Of(typed) : null)).Value
                    : For(specId, table)
                : Sets.GetOrAdd(connectionSpecId + "|" + tableName, _ => new Lazy<SourceRecordSet?>(() => Generate(connectionSpecId, tableName))).Value;

        private static SourceRecordSet? Generate(string connectionSpecId, string tableName)
        {
            if (!(SpecCatalog.Instance.Table(connectionSpecId, tableName) is JsonObject table))
            {
                return null;
            }

            var preview = (table["preview"] as JsonArray ?? new JsonArray()).OfType<JsonObject>().ToList();
            return ShopifyRecordGenerator.Generate(tableName, preview)
                ?? ShopifyRecordGenerator.Build(tableName, preview, preview.Count, 0, (_, __) => { });
        }
    }
}
