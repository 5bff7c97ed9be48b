using System;
using System.Linq;
using System.Text.Json.Nodes;
using PlatformFlow.Emulator.Engine;

namespace PlatformFlow.Emulator.Catalog
{
    /// <summary>Catalog batches: one per run that read records, written when the run becomes final (see docs/emulator.md).</summary>
    internal static class BatchStore
    {
        /// <summary>The sandbox collection of batches, keyed by batch id.</summary>
        public const string Collection = "batches";

        public const string Success = "success";
        public const string Failed = "failed";

        private const string Crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

        /// <summary>
        /// Stores a batch as the contract describes it (<c>status</c> success when anything landed, failed when nothing did;
        /// <c>tags</c> and <c>externalId</c> tie it to its flow and run) and returns its id.
        /// </summary>
        public static string Create(SandboxState sandbox, JsonObject run, string dataSetId, BatchFigures figures, JsonArray errors, long started, long completed)
        {
            var id = NewId(completed);
            var user = run["createdBy"]?.DeepClone();
            sandbox.Collection(Collection).Add(id, new JsonObject
            {
                ["imsOrg"] = run["imsOrgId"]?.DeepClone(),
                ["created"] = started,
                ["updated"] = completed,
                ["createdClient"] = run["createdClient"]?.DeepClone(),
                ["createdUser"] = user,
                ["updatedUser"] = user?.DeepClone(),
                ["version"] = "1.0.0",
                ["status"] = figures.Output > 0 ? Success : Failed,
                ["started"] = started,
                ["completed"] = completed,
                ["recordCount"] = figures.Output,
                ["failedRecordCount"] = figures.Failed,
                ["size"] = figures.OutputBytes,
                ["errors"] = new JsonArray(errors.Select(e => (JsonNode)new JsonObject
                {
                    ["code"] = e!["code"]?.DeepClone(),
                    ["description"] = e["message"]?.DeepClone(),
                    ["recordCount"] = e["recordCount"]?.DeepClone(),
                }).ToArray()),
                ["relatedObjects"] = new JsonArray(new JsonObject { ["type"] = "dataSet", ["id"] = dataSetId }),
                ["metrics"] = new JsonObject { ["inputRecordCount"] = figures.Input, ["outputRecordCount"] = figures.Output, ["failedRecordCount"] = figures.Failed },
                ["tags"] = new JsonObject { ["flowId"] = new JsonArray(run["flowId"]?.DeepClone()), ["runId"] = new JsonArray(run["id"]?.DeepClone()) },
                ["externalId"] = run["id"]?.DeepClone(),
            });
            return id;
        }

        /// <summary>The dataset a batch wrote (its first <c>relatedObjects</c> entry of type dataSet).</summary>
        public static string? DataSetOf(JsonObject batch) =>
            (batch["relatedObjects"] as JsonArray)?.Select(o => o as JsonObject).FirstOrDefault(o => JsonFields.Text(o?["type"]) == "dataSet") is JsonObject related
                ? JsonFields.Text(related["id"])
                : null;

        /// <summary>A ULID-shaped id as the platform's batch ids are: 10 characters of time, 16 random, Crockford base 32.</summary>
        private static string NewId(long epochMillis)
        {
            var characters = new char[26];
            var time = epochMillis;
            for (var i = 9; i >= 0; i--)
            {
                characters[i] = Crockford[(int)(time % 32)];
                time /= 32;
            }

            var random = Guid.NewGuid().ToByteArray();
            for (var i = 0; i < 16; i++)
            {
                characters[10 + i] = Crockford[random[i] % 32];
            }

            return new string(characters);
        }
    }
}
