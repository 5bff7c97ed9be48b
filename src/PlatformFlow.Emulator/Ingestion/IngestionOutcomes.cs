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

        // Keyed by the stored mapping set version (kept as long as its sandbox keeps it).
        private static readonly ConditionalWeakTable<JsonObject, VersionEntry> Shared = new ConditionalWeakTable<JsonObject, VersionEntry>();

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
        /// (all when null). <paramref name="ingestion"/> (which reads the mapping set and resolves its schema) is called only
        /// when they are not kept yet. Call under the sandbox's lock.
        /// </summary>
        public static IngestionOutcomes For(JsonObject mappingSetVersion, SourceRecordSet records, IReadOnlyCollection<string>? columns, Func<RecordIngestion> ingestion)
        {
            var key = records.Table + "|" + (columns is null ? "*" : string.Join(",", columns.OrderBy(c => c, StringComparer.Ordinal)));
            if (Shared.TryGetValue(mappingSetVersion, out var entry) && entry.ByTable.TryGetValue(key, out var kept))
            {
                return kept;
            }

            var built = ingestion();
            entry ??= Shared.GetValue(mappingSetVersion, _ => new VersionEntry(built.CallsAny(ChangingFunctions)));
            var outcomes = new IngestionOutcomes(records, columns, built);
            if (!entry.Changes)
            {
                entry.ByTable.Add(key, outcomes);
            }

            return outcomes;
        }

        /// <summary>What is kept of one mapping set version: whether its answers change from run to run, and its tables' outcomes.</summary>
        private sealed class VersionEntry
        {
            public VersionEntry(bool changes)
            {
                Changes = changes;
            }

            public bool Changes { get; }

            public Dictionary<string, IngestionOutcomes> ByTable { get; } = new Dictionary<string, IngestionOutcomes>(StringComparer.Ordinal);
        }
    }
}
