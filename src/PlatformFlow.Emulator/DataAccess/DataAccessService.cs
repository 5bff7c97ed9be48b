using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using PlatformFlow.Emulator.Catalog;
using PlatformFlow.Emulator.Engine;
using PlatformFlow.Emulator.FlowService;
using PlatformFlow.JsonSchema;

namespace PlatformFlow.Emulator.DataAccess
{
    /// <summary>
    /// Data Access (<c>/data/foundation/export</c>): what a run's batch wrote and why records failed.
    /// Shapes as <c>openapi/data-access.yaml</c> has them (times, sizes and lengths as strings).
    /// <c>GET /batches/{id}/files</c> (the dataset file, when anything landed), <c>/batches/{id}/failed</c> (the failed input
    /// file, named after the table; <c>?path=</c> its failed records), <c>/batches/{id}/meta?path=row_errors</c> (files of at
    /// most 1,000 row errors), <c>?path=row_errors/FILE</c> (newline-delimited JSON, a line per failed record),
    /// <c>?path=row_errors_sample.json</c> (the first 10) and <c>GET /datasets/{id}/preview</c> (up to 100 landed records,
    /// newest batch first). Runs due by now are executed first.
    /// </summary>
    internal sealed class DataAccessService(RunScheduler runs) : EmulatorService(Path, new ErrorStyle(ErrorBodyShape.Problem, "DAS"))
    {
        public const string Path = "/data/foundation/export";

        private const string RowErrors = "row_errors";
        private const string RowErrorsSample = "row_errors_sample.json";
        private const int RowErrorsPerFile = 1000;
        private const int SampleSize = 10;
        private const int PreviewRows = 100;

        private readonly RunScheduler _runs = runs;

        public override void Register(RouteTable routes)
        {
            routes.Add(this, "GET", "/batches/{id}/files", Files);
            routes.Add(this, "GET", "/batches/{id}/failed", Failed);
            routes.Add(this, "GET", "/batches/{id}/meta", Meta);
            routes.Add(this, "GET", "/datasets/{id}/preview", Preview);
        }

        private EmulatorResponse Files(RequestContext context)
        {
            var (id, batch, _) = Batch(context);
            var files = new JsonArray();
            if (JsonValues.AsLong(batch["recordCount"]) is long records && records > 0)
            {
                var fileId = id + "-0";
                var dataSet = context.Sandbox.Collection(CatalogService.DataSetsCollection).Find(BatchStore.DataSetOf(batch) ?? string.Empty);
                files.Add(new JsonObject
                {
                    ["dataSetFileId"] = fileId,
                    ["dataSetViewId"] = dataSet?["viewId"]?.DeepClone(),
                    ["version"] = "1.0.0",
                    ["created"] = JsonValues.ScalarText(batch["completed"]),
                    ["updated"] = JsonValues.ScalarText(batch["completed"]),
                    ["records"] = records.ToString(CultureInfo.InvariantCulture),
                    ["size"] = JsonValues.ScalarText(batch["size"]),
                    ["isValid"] = true,
                    ["_links"] = new JsonObject { ["self"] = Link("/files/" + fileId) },
                });
            }

            return Listing(files, files.Count, null);
        }

        private EmulatorResponse Failed(RequestContext context)
        {
            var (id, _, records) = Batch(context);
            var lines = records.FailedLines(0, records.FailedCount).ToList();
            var path = context.Request.QueryValue("path");
            if (path != null)
            {
                return path == records.Table && lines.Count > 0 ? Lines(lines) : throw NoPath(id, path);
            }

            var files = new JsonArray();
            if (lines.Count > 0)
            {
                files.Add(new JsonObject { ["name"] = records.Table, ["length"] = Length(lines), ["_links"] = new JsonObject { ["self"] = Link("/batches/" + id + "/failed?path=" + Uri.EscapeDataString(records.Table)) } });
            }

            return Listing(files, files.Count, null);
        }

        private EmulatorResponse Meta(RequestContext context)
        {
            var (id, _, records) = Batch(context);
            var path = context.Request.QueryValue("path");
            var fileCount = (records.FailedCount + RowErrorsPerFile - 1) / RowErrorsPerFile;
            if (path == RowErrors)
            {
                var start = CatalogService.QueryNumber(context.Request, "start", 0, 0, int.MaxValue, ErrorCodes.ExportQueryInvalid);
                var limit = CatalogService.QueryNumber(context.Request, "limit", 100, 1, 100, ErrorCodes.ExportQueryInvalid);
                var names = Enumerable.Range(start, Math.Max(0, Math.Min(limit, fileCount - start))).ToList();
                var files = new JsonArray(names.Select(n => (JsonNode)new JsonObject
                {
                    ["name"] = FileName(n),
                    ["length"] = Length(FileLines(records, n)),
                    ["_links"] = new JsonObject { ["self"] = Link("/batches/" + id + "/meta?path=" + FileName(n)) },
                }).ToArray());
                var next = start + names.Count < fileCount ? "/batches/" + id + "/meta?path=" + RowErrors + "&start=" + (start + names.Count) + "&limit=" + limit : null;
                return Listing(files, limit, next);
            }

            if (path == RowErrorsSample)
            {
                return EmulatorResponse.Json(200, new JsonObject { ["data"] = new JsonArray(records.FailedLines(0, SampleSize).Select(l => JsonNode.Parse(l)).ToArray()) });
            }

            var file = Enumerable.Range(0, fileCount).Cast<int?>().FirstOrDefault(n => FileName(n!.Value) == path);
            return file is int index ? Lines(FileLines(records, index)) : throw NoPath(id, path);
        }

        private EmulatorResponse Preview(RequestContext context)
        {
            var id = context.Route("id");
            if (context.Sandbox.Collection(CatalogService.DataSetsCollection).Find(id) is null)
            {
                throw EmulatorError.NotFound(ErrorCodes.ExportDataSetNotFound, "Dataset " + id + " was not found in sandbox " + context.Sandbox.Name + ".");
            }

            _runs.CurrentRuns(context.Sandbox, context.Now);
            var batches = context.Sandbox.Collection(BatchStore.Collection).Entries
                .Where(b => BatchStore.DataSetOf(b.Value) == id)
                .OrderByDescending(b => JsonValues.AsLong(b.Value["created"]) ?? 0);
            var rows = new JsonArray();
            foreach (var batch in batches)
            {
                var records = context.Sandbox.Store<BatchRecordStore>().Find(batch.Key);
                foreach (var landed in records?.Landed ?? Enumerable.Empty<string>())
                {
                    if (rows.Count == PreviewRows)
                    {
                        break;
                    }

                    var record = JsonNode.Parse(landed)!.AsObject();
                    record["_acp_system_metadata"] = new JsonObject { ["acp_sourceBatchId"] = batch.Key, ["ingestTime"] = records!.LandedAt };
                    rows.Add(record);
                }
            }

            return EmulatorResponse.Json(200, new JsonObject { ["data"] = rows });
        }

        private (string Id, JsonObject Batch, BatchRecords Records) Batch(RequestContext context)
        {
            _runs.CurrentRuns(context.Sandbox, context.Now);
            var id = context.Route("id");
            var batch = context.Sandbox.Collection(BatchStore.Collection).Find(id);
            var records = context.Sandbox.Store<BatchRecordStore>().Find(id);
            return batch is null || records is null
                ? throw EmulatorError.NotFound(ErrorCodes.ExportBatchNotFound, "Batch " + id + " was not found in sandbox " + context.Sandbox.Name + ".")
                : (id, batch, records);
        }

        private static IReadOnlyList<string> FileLines(BatchRecords records, int file) => records.FailedLines(file * RowErrorsPerFile, RowErrorsPerFile).ToList();

        private static string FileName(int file) => RowErrors + "/part-" + file.ToString("D5", CultureInfo.InvariantCulture) + ".json";

        /// <summary>The file's length in bytes, as text (the OpenAPI's <c>files.data.item.length</c> is a string).</summary>
        private static string Length(IReadOnlyList<string> lines) => lines.Sum(l => (long)Encoding.UTF8.GetByteCount(l) + 1).ToString(CultureInfo.InvariantCulture);

        private static EmulatorResponse Lines(IReadOnlyList<string> lines) =>
            new EmulatorResponse(200, Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l + "\n"))), "application/json");

        private static EmulatorResponse Listing(JsonArray data, int limit, string? next)
        {
            var links = new JsonObject();
            if (next != null)
            {
                links["next"] = Link(next);
            }

            return EmulatorResponse.Json(200, new JsonObject { ["data"] = data, ["_page"] = new JsonObject { ["limit"] = limit, ["count"] = data.Count }, ["_links"] = links });
        }

        private static JsonObject Link(string relative) => new JsonObject { ["href"] = Path + relative };

        private static EmulatorError NoPath(string id, string? path) =>
            EmulatorError.NotFound(ErrorCodes.ExportPathNotFound, "Batch " + id + " has no file '" + Excerpt.Of(path ?? string.Empty) + "' (see its row_errors listing).");
    }
}
