using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using PlatformFlow.Emulator.SourceData;

namespace PlatformFlow.Emulator.Ingestion
{
    /// <summary>
    /// Every record of a table ingested through one mapping set version, kept and shared: the records and the versions never
    /// change, so the thousand flows of a bulk rehearsal that share a mapping set ingest each record once, and a run only
    /// selects its records. A mapping set that calls a function whose answer changes (<c>now</c>, <c>uuid</c>...) is
    /// ingested afresh for each run.
    /// </summary>
    internal sealed class IngestionOutcomes
    {
        private static readonly string[] ChangingFunctions = { "now", "timestamp", "uuid", "guid" };

        // Keyed by the stored mapping set version (kept as long as its sandbox keeps it), then by table and columns.
        private static readonly ConditionalWeakTable<JsonObject, Dictionary<string, IngestionOutcomes>> Shared =
            new ConditionalWeakTable<JsonObject, Dictionary<string, IngestionOutcomes>>();

        private IngestionOutcomes(SourceRecordSet records, IReadOnlyCollection<string>? columns, RecordIngestion ingestion)
        {
            Records = records.Records.Select(record =>
            {
                var read = columns is null ? record : new JsonObject(record.Where(p => columns.Contains(p.Key)).Select(p => new KeyValuePair<string, JsonNode?>(p.Key, p.Value?.DeepClone())));
                var input = read.ToJsonString();
                var ingested = ingestion.Ingest(read);
                var mapped = ingested.Landed ? ingested.Record.ToJsonString() : null;
                return new RecordOutcome(input, Encoding.UTF8.GetByteCount(input), mapped, mapped is null ? 0 : Encoding.UTF8.GetByteCount(mapped), ingested.Errors);
            }).ToList();
        }

        public IReadOnlyList<RecordOutcome> Records { get; }

        /// <summary>
        /// The table's records ingested through <paramref name="mappingSetVersion"/>, keeping only <paramref name="columns"/>
        /// (all when null); built by <paramref name="ingestion"/> on first use. Call under the sandbox's lock.
        /// </summary>
        public static IngestionOutcomes For(JsonObject mappingSetVersion, SourceRecordSet records, IReadOnlyCollection<string>? columns, RecordIngestion ingestion)
        {
            if (ingestion.CallsAny(ChangingFunctions))
            {
                return new IngestionOutcomes(records, columns, ingestion);
            }

            var byTable = Shared.GetValue(mappingSetVersion, _ => new Dictionary<string, IngestionOutcomes>(StringComparer.Ordinal));
            var key = records.Table + "|" + (columns is null ? "*" : string.Join(",", columns.OrderBy(c => c, StringComparer.Ordinal)));
            if (!byTable.TryGetValue(key, out var outcomes))
            {
                outcomes = new IngestionOutcomes(records, columns, ingestion);
                byTable.Add(key, outcomes);
            }

            return outcomes;
        }
    }
}
