using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace PlatformFlow.Emulator.SourceData
{
    /// <summary>
    /// Every record of one source table, generated once and shared: never change a record (runs and previews only read
    /// them; a run that keeps one stores a copy or its JSON text).
    /// </summary>
    public sealed class SourceRecordSet
    {
        internal SourceRecordSet(string table, IReadOnlyList<JsonObject> records, IReadOnlyList<Imperfection> imperfections)
        {
            Table = table;
            Records = records;
            Imperfections = imperfections;
        }

        public string Table { get; }

        /// <summary>Records a streaming inlet received, named <paramref name="name"/>: they have no planted flaws to list.</summary>
        public static SourceRecordSet Received(string name, IReadOnlyList<JsonObject> records) => new SourceRecordSet(name, records, new List<Imperfection>());

        public IReadOnlyList<JsonObject> Records { get; }

        /// <summary>Every flaw the generator put in (and, for the seeded preview rows, the empty values they have), in row order.</summary>
        public IReadOnlyList<Imperfection> Imperfections { get; }

        /// <summary>The rows (0-based) with this flaw in this column.</summary>
        public IReadOnlyList<int> RowsWith(string column, string kind) =>
            Imperfections.Where(i => i.Column == column && i.Kind == kind).Select(i => i.Row).ToList();
    }
}
