using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using PlatformFlow.Emulator.Engine;

namespace PlatformFlow.Emulator.DataAccess
{
    /// <summary>
    /// What Data Access serves of a batch, kept small (bulk rehearsals make thousands of runs): every failed record as its
    /// row-error line (JSON text), the first <see cref="LandedKept"/> landed records (JSON text) and the file names.
    /// </summary>
    internal static class BatchDiagnostics
    {
        /// <summary>Internal per-sandbox state, keyed by batch id: <c>{table, failed: [line], landed: [record], landedAt}</c>.</summary>
        public const string Collection = "dataAccess.batches";

        /// <summary>Landed records kept per batch: the dataset preview shows at most 100 rows.</summary>
        public const int LandedKept = 100;

        public static void Store(SandboxState sandbox, string batchId, string table, IEnumerable<string> failedLines, IEnumerable<string> landedRecords, long landedAt) =>
            sandbox.Collection(Collection).Add(batchId, new JsonObject
            {
                ["table"] = table,
                ["failed"] = new JsonArray(failedLines.Select(l => (JsonNode)JsonValue.Create(l)).ToArray()),
                ["landed"] = new JsonArray(landedRecords.Take(LandedKept).Select(r => (JsonNode)JsonValue.Create(r)).ToArray()),
                ["landedAt"] = landedAt,
            });

        public static JsonObject? Find(SandboxState sandbox, string batchId) => sandbox.Collection(Collection).Find(batchId);

        public static IReadOnlyList<string> Lines(JsonObject diagnostics, string member) =>
            ((JsonArray)diagnostics[member]!).Select(l => (string)l!).ToList();
    }
}
