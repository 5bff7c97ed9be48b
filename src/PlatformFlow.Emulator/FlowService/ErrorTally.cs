using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using PlatformFlow.Emulator.Ingestion;

namespace PlatformFlow.Emulator.FlowService
{
    /// <summary>A run's record errors summed up: one entry per distinct (code, field), with how many records it hit (a record once).</summary>
    internal sealed class ErrorTally
    {
        private readonly Dictionary<(string Code, string Field), (string Message, int Row, int Records)> _entries = new Dictionary<(string, string), (string, int, int)>();

        public void Add(IReadOnlyList<RowError> errors, int row)
        {
            foreach (var error in errors.GroupBy(e => (e.Code, e.Field)))
            {
                _entries[error.Key] = _entries.TryGetValue(error.Key, out var known)
                    ? (known.Message, known.Row, known.Records + 1)
                    : (error.First().Message, row, 1);
            }
        }

        /// <summary><c>[{code, message, recordCount}]</c>, the message quoting the first failing record's.</summary>
        public JsonArray Errors() => new JsonArray(_entries.Select(e => (JsonNode)new JsonObject
        {
            ["code"] = e.Key.Code,
            ["message"] = e.Value.Records + (e.Value.Records == 1 ? " record" : " records") + " failed on " + e.Key.Field + "; the first, row " + e.Value.Row + ": " + e.Value.Message,
            ["recordCount"] = e.Value.Records,
        }).ToArray());
    }
}
