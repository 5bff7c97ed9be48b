using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using PlatformFlow.Emulator.Ingestion;

namespace PlatformFlow.Emulator.DataPrep
{
    /// <summary>
    /// <c>POST /mappingSets/preview</c>: each sample row ingested exactly as a run ingests a record (<see cref="RecordIngestion"/>).
    /// A mapping that is invalid is left out and reported once; each failure on a row is reported with <c>row</c> (its
    /// index), the code and message a run gives that record, and for a schema failure the field as <c>destination</c>.
    /// </summary>
    internal static class MappingPreview
    {
        public static JsonArray Run(RecordIngestion ingestion, IReadOnlyList<JsonObject> rows, out List<JsonObject> errors)
        {
            errors = ingestion.MappingProblems.Select(p => p.DeepClone().AsObject()).ToList();
            var records = new JsonArray();
            for (var r = 0; r < rows.Count; r++)
            {
                var ingested = ingestion.Ingest(rows[r]);
                foreach (var error in ingested.Errors)
                {
                    errors.Add(new JsonObject
                    {
                        ["source"] = error.Mapping?["source"]?.DeepClone(),
                        ["destination"] = error.Mapping?["destination"]?.DeepClone() ?? error.Field,
                        ["sourceType"] = error.Mapping?["sourceType"]?.DeepClone(),
                        ["errorCode"] = error.Code,
                        ["exception"] = error.Message,
                        ["row"] = r,
                    });
                }

                records.Add(ingested.Record);
            }

            return records;
        }
    }
}
