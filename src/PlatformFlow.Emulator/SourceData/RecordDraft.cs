using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace PlatformFlow.Emulator.SourceData
{
    /// <summary>One generated record while it is filled: its own random sequence, and a note of every flaw it is given.</summary>
    internal sealed class RecordDraft
    {
        private readonly int _row;
        private readonly List<Imperfection> _imperfections;

        public RecordDraft(int row, SeededRandom random, List<Imperfection> imperfections)
        {
            _row = row;
            Random = random;
            _imperfections = imperfections;
        }

        public SeededRandom Random { get; }

        public JsonObject Record { get; } = new JsonObject();

        public void Set(string column, JsonNode? value) => Record[column] = value;

        /// <summary>Draws whether this record's <paramref name="column"/> gets the flaw (with probability <paramref name="rate"/>), noting it when it does.</summary>
        public bool Flawed(string column, string kind, double rate)
        {
            if (Random.NextDouble() >= rate)
            {
                return false;
            }

            _imperfections.Add(new Imperfection(_row, column, kind));
            return true;
        }
    }
}
