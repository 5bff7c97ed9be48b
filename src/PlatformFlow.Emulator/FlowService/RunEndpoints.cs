using System;
using System.Linq;
using System.Text.Json.Nodes;
using PlatformFlow.Emulator.Engine;

namespace PlatformFlow.Emulator.FlowService
{
    /// <summary>Flow runs (<c>/runs</c>): listing and reading them, on-demand runs, and re-triggering a finished run.</summary>
    internal static class RunEndpoints
    {
        private static readonly string[] FinalStatuses = { RunStatus.Success, RunStatus.PartialSuccess, RunStatus.Failed };

        public static void Register(FlowServiceEmulator service, RouteTable routes)
        {
            var runs = service.Runs;
            routes.Add(service, "GET", "/runs", context =>
            {
                var query = ListQuery.Parse(context.Request, FlowResources.ListCodes);
                var page = query.Execute(runs.CurrentRuns(context.Sandbox, context.Now), r => (JsonObject)r.DeepClone(), ResourceKind.Run.ListPath, FlowResources.DefaultLimit, FlowResources.MaxLimit);
                return EmulatorResponse.Json(200, page);
            });
            routes.Add(service, "POST", "/runs", context => StartOnDemand(context, runs));
            routes.Add(service, "GET", "/runs/{id}", context => FlowResources.Item((JsonObject)Current(context, runs).DeepClone()));
            routes.Add(service, "POST", "/runs/{id}/action", context => ReTrigger(context, runs));
        }

        private static JsonObject Current(RequestContext context, RunScheduler runs) =>
            runs.CurrentRuns(context.Sandbox, context.Now).Find(context.Route("id")) ?? throw FlowResources.NotFound(ResourceKind.Run, context.Route("id"));

        /// <summary>
        /// <c>POST /runs {flowId, params}</c>: params valid against the flow spec's <c>runSpec</c>, except that
        /// <c>deltaColumn</c> is not required (the OpenAPI request, the contract's first authority, has no such member),
        /// and a window that does not end before it starts.
        /// </summary>
        private static EmulatorResponse StartOnDemand(RequestContext context, RunScheduler runs)
        {
            var body = context.BodyObject();
            var flowId = JsonFields.Text(body["flowId"]);
            if (string.IsNullOrWhiteSpace(flowId))
            {
                throw EmulatorError.BadRequest(ErrorCodes.FlowRunFlowIdMissing, "The flow ID (flowId) cannot be null or empty. Please update the flow ID and try again.");
            }

            var flow = RunnableFlow(context, flowId!, "POST /runs");
            var parameters = Payload.OptionalObject(body, "params") ?? new JsonObject();
            var spec = SpecCatalog.Instance.FlowSpec(JsonFields.Text(JsonPaths.First(flow, "flowSpec.id")) ?? string.Empty);
            var runSpec = JsonPaths.First(spec, "runSpec.spec")?.DeepClone() as JsonObject;
            if (runSpec?["required"] is JsonArray required)
            {
                runSpec["required"] = new JsonArray(required.Where(r => JsonFields.Text(r) != "deltaColumn").Select(r => r?.DeepClone()).ToArray());
            }

            var coerced = (JsonObject)Payload.CheckAndCoerce(runSpec, parameters, ErrorCodes.FlowRunParamsInvalid, "params")!;
            if (JsonValues.AsLong(coerced["windowStartTime"]) is long windowStart && JsonValues.AsLong(coerced["windowEndTime"]) is long windowEnd && windowEnd < windowStart)
            {
                throw EmulatorError.BadRequest(ErrorCodes.FlowRunParamsInvalid, "params.windowEndTime " + windowEnd + " is before params.windowStartTime " + windowStart + ".");
            }

            runs.Materialize(context.Sandbox, context.Now);
            var run = runs.StartRun(context.Sandbox, flow, context.Now, coerced);
            return FlowResources.Created(ResourceKind.Run, run);
        }

        /// <summary><c>POST /runs/{id}/action?op=RE_TRIGGER</c>: a new run of the same flow and window, once this one has finished.</summary>
        private static EmulatorResponse ReTrigger(RequestContext context, RunScheduler runs)
        {
            var op = context.Request.QueryValue("op");
            if (!string.Equals(op, "RE_TRIGGER", StringComparison.OrdinalIgnoreCase))
            {
                throw EmulatorError.BadRequest(ErrorCodes.FlowOperationUnsupported, "Unsupported operation '" + op + "' received in query param op. Runs take op=RE_TRIGGER.");
            }

            var run = Current(context, runs);
            ETags.CheckOptionalIfMatch(context, run);
            var status = JsonFields.Text(JsonPaths.First(run, "metrics.statusSummary.status"));
            if (!FinalStatuses.Contains(status))
            {
                throw EmulatorError.BadRequest(ErrorCodes.FlowActionNotAllowedInState, "The action RE_TRIGGER cannot be applied on the current state " + status + " of run " + run["id"] + "; wait until it has finished.");
            }

            var flow = RunnableFlow(context, (string)run["flowId"]!, "RE_TRIGGER");
            var retry = runs.StartRun(context.Sandbox, flow, context.Now, (JsonObject)(run["params"]?.DeepClone() ?? new JsonObject()), runs.ReadsAll(context.Sandbox, (string)run["id"]!));
            return EmulatorResponse.Json(200, retry.DeepClone()).WithHeader("ETag", (string)retry["etag"]!);
        }

        private static JsonObject RunnableFlow(RequestContext context, string flowId, string action)
        {
            var flow = FlowResources.Find(context.Sandbox, ResourceKind.Flow, flowId)
                ?? throw EmulatorError.BadRequest(ErrorCodes.FlowRunFlowNotFound, "Flow not found with id " + flowId + ".");
            var state = JsonFields.Text(flow["state"]);
            if (state != "enabled")
            {
                throw EmulatorError.BadRequest(ErrorCodes.FlowActionNotAllowedInState, "The action " + action + " cannot be applied on the current state " + state + " of flow " + flowId + "; enable it first.");
            }

            // A streaming flow spec says its flows take no runs on demand (apiFeatures.flowRunsSupported: false): their
            // runs are the records their inlet receives, and a run started or re-triggered would have nothing to read.
            var flowSpec = SpecCatalog.Instance.FlowSpec(JsonFields.Text(JsonPaths.First(flow, "flowSpec.id")) ?? string.Empty);
            return JsonPaths.First(flowSpec, "attributes.uiAttributes.apiFeatures.flowRunsSupported") is JsonValue supported && supported.TryGetValue<bool>(out var runs) && !runs
                ? throw EmulatorError.BadRequest(ErrorCodes.FlowActionNotAllowedInState, "The action " + action + " cannot be applied to flow " + flowId + " of flow spec " + flowSpec!["name"]
                    + ": its runs come from the records its inlet receives, so it takes no run on demand; send the records to its inlet again.")
                : flow;
        }
    }
}
