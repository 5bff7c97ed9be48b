using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace PlatformFlow.Emulator.Ingestion
{
    /// <summary>What ingestion made of one source record: the mapped XDM record, and every reason it failed (none when it lands).</summary>
    public sealed class IngestedRecord
    {
        internal IngestedRecord(JsonObject record, IReadOnlyList<RowError> errors)
        {
            Record = record;
            Errors = errors;
        }

        public JsonObject Record { get; }

        public IReadOnlyList<RowError> Errors { get; }

        public bool Landed => Errors.Count == 0;
    }
}
