using System.Text.Json.Nodes;
using PlatformFlow.Emulator.Engine;

namespace PlatformFlow.Emulator.FlowService
{
    /// <summary>
    /// A run's <c>metrics</c> and <c>activities</c> as the platform's monitoring guide shows them: a copy activity reading
    /// the source, then a promotion activity writing the dataset, which names the batch and where its row errors are.
    /// Final figures come from the run's execution (<see cref="RunExecution"/>).
    /// </summary>
    internal static class RunMetrics
    {
        private const string DataAccessBatches = "/data/foundation/export/batches/";

        public static JsonObject Summary(JsonObject? result, string status, long startedAt, long completedAt)
        {
            var metrics = new JsonObject();
            if (status == RunStatus.Queued)
            {
                metrics["statusSummary"] = new JsonObject { ["status"] = status };
                return metrics;
            }

            metrics["durationSummary"] = Duration(startedAt, result is null ? (long?)null : completedAt);
            if (result is null)
            {
                metrics["statusSummary"] = new JsonObject { ["status"] = status };
                return metrics;
            }

            metrics["sizeSummary"] = Size(result, output: true);
            metrics["recordSummary"] = RecordSummary(result);
            metrics["fileSummary"] = Files(result, withActivityRefs: true);
            metrics["statusSummary"] = StatusSummary(result, withActivityRefs: true);
            return metrics;
        }

        public static JsonArray Activities(JsonObject plan, JsonObject? result, JsonNode? parameters, string status, long startedAt, long completedAt)
        {
            if (status == RunStatus.Queued)
            {
                return new JsonArray();
            }

            // The copy activity takes the first half of the running time, the promotion activity the rest.
            var copyDone = startedAt + ((completedAt - startedAt) / 2);
            var copy = new JsonObject
            {
                ["id"] = "copyActivity",
                ["updatedAtUTC"] = result is null ? startedAt : copyDone,
                ["durationSummary"] = Duration(startedAt, result is null ? (long?)null : copyDone),
            };
            if (JsonValues.AsLong(JsonFields.Member(parameters, "windowStartTime")) is long windowStart
                && JsonValues.AsLong(JsonFields.Member(parameters, "windowEndTime")) is long windowEnd)
            {
                ((JsonObject)copy["durationSummary"]!)["extensions"] = new JsonObject { ["windowStart"] = windowStart * 1000, ["windowEnd"] = windowEnd * 1000 };
            }

            copy["sourceInfo"] = Info(plan["sourceConnectionId"], "SourceConnection");
            if (result is null)
            {
                copy["statusSummary"] = new JsonObject { ["status"] = RunStatus.InProgress };
                return new JsonArray(copy);
            }

            var read = (long)result["input"]! > 0 || result["errors"] is JsonArray { Count: 0 };
            copy["sizeSummary"] = Size(result, output: false);
            copy["recordSummary"] = new JsonObject();
            copy["fileSummary"] = new JsonObject { ["inputFileCount"] = read ? 1 : 0, ["outputFileCount"] = read ? 1 : 0 };
            copy["statusSummary"] = new JsonObject { ["status"] = read ? RunStatus.Success : RunStatus.Failed, ["extensions"] = new JsonObject { ["type"] = "one-time" } };
            var promotion = new JsonObject
            {
                ["id"] = "promotionActivity",
                ["updatedAtUTC"] = completedAt,
                ["durationSummary"] = Duration(copyDone, completedAt),
                ["sizeSummary"] = Size(result, output: true),
                ["recordSummary"] = RecordSummary(result),
                ["fileSummary"] = Files(result, withActivityRefs: false),
                ["statusSummary"] = StatusSummary(result, withActivityRefs: false),
                ["targetInfo"] = Info(plan["targetConnectionId"], "TargetConnection"),
            };
            if (JsonFields.Text(result["batchId"]) is string batchId)
            {
                ((JsonArray)promotion["targetInfo"]!).Add(new JsonObject { ["id"] = batchId, ["type"] = "Batch" });
                ((JsonObject)promotion["statusSummary"]!)["extensions"] = new JsonObject
                {
                    ["manifest"] = new JsonObject
                    {
                        ["failedRecords"] = DataAccessBatches + batchId + "/meta?path=row_errors",
                        ["sampleErrors"] = DataAccessBatches + batchId + "/meta?path=row_errors_sample.json",
                    },
                };
            }

            return new JsonArray(copy, promotion);
        }

        private static JsonObject Duration(long startedAt, long? completedAt)
        {
            var duration = new JsonObject { ["startedAtUTC"] = startedAt };
            if (completedAt is long completed)
            {
                duration["completedAtUTC"] = completed;
            }

            return duration;
        }

        private static JsonObject Size(JsonObject result, bool output) => new JsonObject
        {
            ["inputBytes"] = result["inputBytes"]!.DeepClone(),
            ["outputBytes"] = output ? result["outputBytes"]!.DeepClone() : result["inputBytes"]!.DeepClone(),
        };

        private static JsonObject RecordSummary(JsonObject result) => new JsonObject
        {
            ["inputRecordCount"] = result["input"]!.DeepClone(),
            ["createdRecordCount"] = result["output"]!.DeepClone(),
            ["outputRecordCount"] = result["output"]!.DeepClone(),
            ["failedRecordCount"] = result["failed"]!.DeepClone(),
        };

        private static JsonObject Files(JsonObject result, bool withActivityRefs)
        {
            var files = new JsonObject
            {
                ["inputFileCount"] = (long)result["input"]! > 0 ? 1 : 0,
                ["outputFileCount"] = (long)result["output"]! > 0 ? 1 : 0,
            };
            if (withActivityRefs)
            {
                files["activityRefs"] = new JsonArray("promotionActivity");
            }

            return files;
        }

        private static JsonObject StatusSummary(JsonObject result, bool withActivityRefs)
        {
            var summary = new JsonObject { ["status"] = result["status"]!.DeepClone() };
            if (result["errors"] is JsonArray errors && errors.Count > 0)
            {
                summary["errors"] = errors.DeepClone();
            }

            if (withActivityRefs)
            {
                summary["activityRefs"] = new JsonArray("promotionActivity");
            }

            return summary;
        }

        private static JsonArray Info(JsonNode? connectionId, string type) =>
            connectionId is null ? new JsonArray() : new JsonArray(new JsonObject { ["id"] = connectionId.DeepClone(), ["type"] = type });
    }
}
