using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using PlatformFlow.Emulator.Catalog;
using PlatformFlow.Emulator.DataAccess;
using PlatformFlow.Emulator.DataPrep;
using PlatformFlow.Emulator.Engine;
using PlatformFlow.Emulator.Ingestion;
using PlatformFlow.Emulator.SourceData;

namespace PlatformFlow.Emulator.FlowService
{
    /// <summary>
    /// What a run does once it is final: reads the records of its window (<see cref="RecordWindow"/>) from its source
    /// table or file (a streaming flow's run: the records its inlet received), keeps the source connection's columns, ingests each record (<see cref="RecordIngestion"/>: the pinned mapping
    /// set version, then the dataset's XDM schema), applies the partial-ingestion threshold, and writes one Catalog batch
    /// and its Data Access diagnostics. The answer (<c>status</c>, counts, <c>errors</c>, <c>batchId</c>) is kept in the run's plan.
    /// </summary>
    internal static class RunExecution
    {
        public static JsonObject Execute(EmulatorEngine engine, SandboxState sandbox, JsonObject run, JsonObject plan, long startedAt, long completedAt)
        {
            if (plan["failure"] is JsonObject failure)
            {
                return Failure(failure.DeepClone().AsObject());
            }

            var source = FlowResources.Find(sandbox, ResourceKind.SourceConnection, JsonFields.Text(plan["sourceConnectionId"]) ?? string.Empty);
            var target = FlowResources.Find(sandbox, ResourceKind.TargetConnection, JsonFields.Text(plan["targetConnectionId"]) ?? string.Empty);
            var table = JsonFields.Text(JsonPaths.First(source, "params.tableName")) ?? JsonFields.Text(JsonPaths.First(source, "params.path"));
            var records = plan["streamed"] is JsonArray streamed
                ? SourceRecordSet.Received(table = "inlet-" + run["id"], streamed.OfType<JsonObject>().ToList())
                : table is null ? null : SourceRecordSets.For(JsonFields.Text(JsonPaths.First(source, "connectionSpec.id")) ?? string.Empty, table);
            var dataSetId = JsonFields.Text(JsonPaths.First(target, "params.dataSetId"));
            var mappingSet = JsonFields.Text(plan["mappingId"]) is string mappingId ? DataPrepService.FindVersion(sandbox, mappingId, JsonValues.AsLong(plan["mappingVersion"]) ?? 0) : null;
            if (records is null || dataSetId is null || mappingSet is null)
            {
                return Failure(new JsonObject
                {
                    ["code"] = IngestionCodes.ConnectorFailure,
                    ["message"] = "The run could not start: its source table, target dataset or mapping set version is gone.",
                });
            }

            var columns = (JsonPaths.First(source, "params.columns") as JsonArray)?.Select(c => JsonFields.Text(JsonFields.Member(c, "name"))).OfType<string>().ToList();
            IngestionOutcomes outcomes;
            try
            {
                outcomes = IngestionOutcomes.For(
                    mappingSet,
                    records,
                    columns is null || columns.Count == 0 ? null : columns,
                    () => new RecordIngestion(new MappingCheck(MappingSetRequest.Read(sandbox, mappingSet, strict: false)), engine.Options.Clock));
            }
            catch (EmulatorError error)
            {
                return Failure(new JsonObject { ["code"] = IngestionCodes.ConnectorFailure, ["message"] = error.Detail });
            }

            var tally = new ErrorTally();
            var failedRows = new List<(int Row, int Record)>();
            var landed = new List<int>();
            long input = 0;
            long inputBytes = 0;
            long outputBytes = 0;
            foreach (var index in Selected(records.Records.Count, plan))
            {
                var outcome = outcomes.Records[index];
                inputBytes += outcome.InputBytes;
                if (!outcome.Landed)
                {
                    tally.Add(outcome.Errors, (int)input);
                    failedRows.Add(((int)input, index));
                }
                else
                {
                    outputBytes += outcome.OutputBytes;
                    if (landed.Count < BatchRecords.LandedKept)
                    {
                        landed.Add(index);
                    }
                }

                input++;
            }

            var failed = failedRows.Count;
            var status = Status(input, failed, JsonValues.AsDouble(plan["partialIngestionPercent"]));
            var nothingLands = status == RunStatus.Failed;
            var figures = new BatchFigures(input, nothingLands ? 0 : input - failed, failed, inputBytes, nothingLands ? 0 : outputBytes);
            var errors = tally.Errors();
            if (input == 0)
            {
                return Result(status, figures, errors, null);
            }

            var promotionStarted = startedAt + ((completedAt - startedAt) / 2);
            var batchId = BatchStore.Create(sandbox, run, dataSetId, figures, errors, promotionStarted, completedAt);
            sandbox.Store<BatchRecordStore>().Add(batchId, new BatchRecords(table!, outcomes, failedRows, nothingLands ? new List<int>() : landed, completedAt));
            return Result(status, figures, errors, batchId);
        }

        /// <summary>
        /// SUCCESS when no record failed; with <c>options.partialIngestionPercent</c> set, FAILED when the failed share of
        /// the records read exceeds it; without it, FAILED only when every record failed; otherwise PARTIAL_SUCCESS.
        /// </summary>
        private static string Status(long input, int failed, double? threshold)
        {
            if (failed == 0)
            {
                return RunStatus.Success;
            }

            var overThreshold = threshold is double percent ? failed * 100.0 / input > percent : failed == input;
            return overThreshold ? RunStatus.Failed : RunStatus.PartialSuccess;
        }

        /// <summary>The indexes of the records the run reads, in table order (<see cref="RecordWindow"/>).</summary>
        private static IEnumerable<int> Selected(int count, JsonObject plan)
        {
            var readsAll = (bool?)plan["readsAll"] ?? true;
            var anchor = JsonValues.AsLong(plan["anchor"]) ?? 0;
            var windowStart = JsonValues.AsLong(plan["windowStart"]) ?? 0;
            var windowEnd = JsonValues.AsLong(plan["windowEnd"]) ?? 0;
            return Enumerable.Range(0, count).Where(i => readsAll || RecordWindow.Changed(i, count, anchor, windowStart, windowEnd));
        }

        /// <summary>A run that read nothing: FAILED with this one error, no batch.</summary>
        private static JsonObject Failure(JsonObject error) => Result(RunStatus.Failed, new BatchFigures(0, 0, 0, 0, 0), new JsonArray(error), null);

        private static JsonObject Result(string status, BatchFigures figures, JsonArray errors, string? batchId) => new JsonObject
        {
            ["status"] = status,
            ["input"] = figures.Input,
            ["output"] = figures.Output,
            ["failed"] = figures.Failed,
            ["inputBytes"] = figures.InputBytes,
            ["outputBytes"] = figures.OutputBytes,
            ["errors"] = errors,
            ["batchId"] = batchId,
        };
    }
}
