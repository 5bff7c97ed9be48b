using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using PlatformFlow.Emulator.Ingestion;

namespace PlatformFlow.Emulator.DataAccess
{
    /// <summary>
    /// What Data Access serves of one batch, kept small (bulk rehearsals make thousands of runs): which records failed and
    /// which were the first <see cref="LandedKept"/> to land, as positions in the shared <see cref="IngestionOutcomes"/>;
    /// the row-error lines and landed records are written out when read.
    /// </summary>
    internal sealed class BatchRecords
    {
        /// <summary>Landed records kept per batch: the dataset preview shows at most 100 rows.</summary>
        public const int LandedKept = 100;

        private readonly IngestionOutcomes _outcomes;
        private readonly IReadOnlyList<(int Row, int Record)> _failed;
        private readonly IReadOnlyList<int> _landed;

        /// <param name="failed">Each failed record: its position among the records the run read, and its index in the table.</param>
        /// <param name="landed">The table indexes of the first landed records (at most <see cref="LandedKept"/>).</param>
        public BatchRecords(string table, IngestionOutcomes outcomes, IReadOnlyList<(int Row, int Record)> failed, IReadOnlyList<int> landed, long landedAt)
        {
            Table = table;
            _outcomes = outcomes;
            _failed = failed;
            _landed = landed;
            LandedAt = landedAt;
        }

        /// <summary>The source table, which names the failed input file.</summary>
        public string Table { get; }

        public long LandedAt { get; }

        public int FailedCount => _failed.Count;

        /// <summary>
        /// The row errors, one JSON line per failed record: <c>{_corrupt_record, _errors: [{code, message, field}], _filename, _row}</c>.
        /// </summary>
        public IEnumerable<string> FailedLines(int skip, int take) => _failed.Skip(skip).Take(take).Select(f =>
        {
            var outcome = _outcomes.Records[f.Record];
            return new JsonObject
            {
                ["_corrupt_record"] = outcome.Input,
                ["_errors"] = new JsonArray(outcome.Errors.Select(e => (JsonNode)e.ToJson()).ToArray()),
                ["_filename"] = Table,
                ["_row"] = f.Row,
            }.ToJsonString();
        });

        /// <summary>The first landed records, mapped, as JSON text.</summary>
        public IEnumerable<string> Landed => _landed.Select(i => _outcomes.Records[i].Mapped!);
    }
}
