using System;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using PlatformFlow.Emulator.Engine;
using PlatformFlow.Emulator.FlowService;
using PlatformFlow.JsonSchema;

namespace PlatformFlow.Emulator.Catalog
{
    /// <summary>
    /// Catalog batches (<c>/batches</c>): the listing (an object keyed by batch id) with <c>dataSet</c>, <c>status</c>,
    /// <c>orderBy</c> (<c>asc:created</c>, <c>desc:created</c>...), <c>createdAfter</c>, <c>createdBefore</c> (epoch ms),
    /// <c>limit</c> (default 20, at most 100) and <c>start</c>; and one batch, <c>{"id": {...}}</c>. Runs due by now are
    /// executed first, so their batches are there.
    /// </summary>
    internal static class BatchEndpoints
    {
        private const int DefaultLimit = 20;
        private const int MaxLimit = 100;

        public static void Register(CatalogService service, RouteTable routes, RunScheduler runs)
        {
            routes.Add(service, "GET", "/batches", context => List(context, runs));
            routes.Add(service, "GET", "/batches/{id}", context =>
            {
                runs.CurrentRuns(context.Sandbox, context.Now);
                var id = context.Route("id");
                var batch = context.Sandbox.Collection(BatchStore.Collection).Find(id)
                    ?? throw EmulatorError.NotFound(ErrorCodes.BatchNotFound, "Batch " + id + " was not found in sandbox " + context.Sandbox.Name + ".");
                return EmulatorResponse.Json(200, new JsonObject { [id] = batch.DeepClone() });
            });
        }

        private static EmulatorResponse List(RequestContext context, RunScheduler runs)
        {
            var request = context.Request;
            var limit = CatalogService.QueryNumber(request, "limit", DefaultLimit, 1, MaxLimit);
            var start = CatalogService.QueryNumber(request, "start", 0, 0, int.MaxValue);
            var dataSet = request.QueryValue("dataSet");
            var statuses = request.QueryValue("status")?.Split(',');
            var after = Time(request, "createdAfter");
            var before = Time(request, "createdBefore");
            runs.CurrentRuns(context.Sandbox, context.Now);
            var matches = context.Sandbox.Collection(BatchStore.Collection).Entries
                .Where(b => dataSet is null || BatchStore.DataSetOf(b.Value) == dataSet)
                .Where(b => statuses is null || statuses.Contains(JsonFields.Text(b.Value["status"]), StringComparer.OrdinalIgnoreCase))
                .Where(b => after is null || JsonValues.AsLong(b.Value["created"]) > after)
                .Where(b => before is null || JsonValues.AsLong(b.Value["created"]) < before);
            return CatalogService.Page(CatalogService.Order(matches, request.QueryValue("orderBy")).Skip(start).Take(limit), null);
        }

        private static long? Time(EmulatorRequest request, string name)
        {
            var text = request.QueryValue(name);
            return text is null ? (long?)null
                : long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var millis) ? millis
                : throw EmulatorError.BadRequest(ErrorCodes.DataSetQueryInvalid, name + " must be a time in epoch milliseconds, not '" + Excerpt.Of(text) + "'.");
        }
    }
}
