using System;
using System.Text.Json.Nodes;
using PlatformFlow.Emulator.Engine;

namespace PlatformFlow.Emulator.FlowService
{
    /// <summary>
    /// A run's <c>metrics</c> and <c>activities</c> as the platform's monitoring guide shows them: a copy activity reading
    /// the source, then a promotion activity writing the dataset, which is where record errors are reported.
    /// </summary>
    internal static class RunMetrics
    {
        public static JsonObject Summary(JsonObject plan, string status, long startedAt, long completedAt)
        {
            var metrics = new JsonObject();
            if (status == RunStatus.Queued)
            {
                metrics["statusSummary"] = new JsonObject { ["status"] = status };
                return metrics;
            }

            var final = status != RunStatus.InProgress;
            metrics["durationSummary"] = Duration(startedAt, final ? completedAt : (long?)null);
            if (!final)
            {
                metrics["statusSummary"] = new JsonObject { ["status"] = status };
                return metrics;
            }

            var (input, output, failed) = Records(plan);
            metrics["sizeSummary"] = Size(input, output);
            metrics["recordSummary"] = RecordSummary(input, output, failed);
            metrics["fileSummary"] = new JsonObject { ["inputFileCount"] = 1, ["outputFileCount"] = output > 0 ? 1 : 0, ["activityRefs"] = new JsonArray("promotionActivity") };
            metrics["statusSummary"] = StatusSummary(plan, status, withActivityRefs: true);
            return metrics;
        }

        public static JsonArray Activities(JsonObject plan, JsonNode? parameters, string status, long startedAt, long completedAt)
        {
            if (status == RunStatus.Queued)
            {
                return new JsonArray();
            }

            // The copy activity takes the first half of the running time, the promotion activity the rest.
            var copyDone = startedAt + ((completedAt - startedAt) / 2);
            var (input, output, failed) = Records(plan);
            var copy = new JsonObject
            {
                ["id"] = "copyActivity",
                ["updatedAtUTC"] = status == RunStatus.InProgress ? startedAt : copyDone,
                ["durationSummary"] = Duration(startedAt, status == RunStatus.InProgress ? (long?)null : copyDone),
            };
            if (JsonValues.AsLong(JsonFields.Member(parameters, "windowStartTime")) is long windowStart
                && JsonValues.AsLong(JsonFields.Member(parameters, "windowEndTime")) is long windowEnd)
            {
                ((JsonObject)copy["durationSummary"]!)["extensions"] = new JsonObject { ["windowStart"] = windowStart * 1000, ["windowEnd"] = windowEnd * 1000 };
            }

            copy["sourceInfo"] = Info(plan["sourceConnectionId"], "SourceConnection");
            if (status == RunStatus.InProgress)
            {
                copy["statusSummary"] = new JsonObject { ["status"] = RunStatus.InProgress };
                return new JsonArray(copy);
            }

            copy["sizeSummary"] = Size(input, input);
            copy["recordSummary"] = new JsonObject();
            copy["fileSummary"] = new JsonObject { ["inputFileCount"] = 1, ["outputFileCount"] = 1 };
            copy["statusSummary"] = new JsonObject { ["status"] = RunStatus.Success, ["extensions"] = new JsonObject { ["type"] = "one-time" } };
            var promotion = new JsonObject
            {
                ["id"] = "promotionActivity",
                ["updatedAtUTC"] = completedAt,
                ["durationSummary"] = Duration(copyDone, completedAt),
                ["sizeSummary"] = Size(input, output),
                ["recordSummary"] = RecordSummary(input, output, failed),
                ["fileSummary"] = new JsonObject { ["inputFileCount"] = 1, ["outputFileCount"] = output > 0 ? 1 : 0 },
                ["statusSummary"] = StatusSummary(plan, status, withActivityRefs: false),
                ["targetInfo"] = Info(plan["targetConnectionId"], "TargetConnection"),
            };
            return new JsonArray(copy, promotion);
        }

        private static (long Input, long Output, long Failed) Records(JsonObject plan)
        {
            var input = JsonValues.AsLong(plan["inputRecordCount"]) ?? 0;
            var failed = (long)Math.Round(input * (double)plan["failedShare"]!, MidpointRounding.AwayFromZero);
            return (input, input - failed, failed);
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

        private static JsonObject Size(long inputRecords, long outputRecords) => new JsonObject
        {
            ["inputBytes"] = inputRecords * RunScheduler.BytesPerRecord,
            ["outputBytes"] = outputRecords * RunScheduler.BytesPerRecord,
        };

        private static JsonObject RecordSummary(long input, long output, long failed) => new JsonObject
        {
            ["inputRecordCount"] = input,
            ["createdRecordCount"] = output,
            ["outputRecordCount"] = output,
            ["failedRecordCount"] = failed,
        };

        private static JsonObject StatusSummary(JsonObject plan, string status, bool withActivityRefs)
        {
            var summary = new JsonObject { ["status"] = status };
            if (plan["errors"] is JsonArray errors && errors.Count > 0)
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
