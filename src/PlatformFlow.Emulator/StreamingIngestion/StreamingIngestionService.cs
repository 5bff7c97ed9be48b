using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using PlatformFlow.Emulator.Engine;
using PlatformFlow.Emulator.FlowService;

namespace PlatformFlow.Emulator.StreamingIngestion
{
    /// <summary>
    /// The data collection endpoint of streaming (HTTP API) connections: <c>POST /collection/{inletId}</c> (one message)
    /// and <c>POST /collection/batch/{inletId}</c> (<c>{messages: [...]}</c>), with <c>x-adobe-flow-id</c> naming the flow.
    /// Each message is <c>{header, body}</c>; a raw-data flow maps <c>body</c> as its record, an XDM flow takes
    /// <c>body.xdmEntity</c>. Accepted records go into the flow's open run (<see cref="RunScheduler.Stream"/>), so mapping and
    /// XDM failures show as a batch flow's do: the run's errors, its batch, and the batch's row errors. Like the platform's
    /// inlet it takes requests without an access token unless the connection enables authentication
    /// (<c>auth.params.authenticationRequired</c>); <c>x-sandbox-name</c> is always required.
    /// </summary>
    public sealed class StreamingIngestionService : EmulatorService, IAuthorizingService
    {
        public const string Path = "/collection";

        /// <summary>The platform's data collection host, which an inlet URL names when the emulator is embedded.</summary>
        public const string CollectionHost = "https://dcs.adobedc.net";

        /// <summary>The largest request body the collection endpoint takes (the platform's 1 MB).</summary>
        public const int MaxBodyBytes = 1_000_000;

        private readonly RunScheduler _runs;

        internal StreamingIngestionService(RunScheduler runs)
            : base(Path, new ErrorStyle(ErrorBodyShape.Problem, "STREAM"))
        {
            _runs = runs;
        }

        public override void Register(RouteTable routes)
        {
            routes.Add(this, "POST", "/batch/{inletId}", context => Collect(context, batch: true));
            routes.Add(this, "POST", "/{inletId}", context => Collect(context, batch: false));
        }

        private EmulatorResponse Collect(RequestContext context, bool batch)
        {
            if (context.Request.Body.Length > MaxBodyBytes)
            {
                throw new EmulatorError(413, ErrorCodes.StreamingPayloadTooLarge, "Payload Too Large", "The request body is " + context.Request.Body.Length + " bytes; the collection endpoint takes at most " + MaxBodyBytes + ".");
            }

            var inletId = context.Route("inletId");
            var connection = context.Sandbox.Collection(ResourceKind.Connection.Collection).All
                .FirstOrDefault(c => JsonFields.Text(JsonPaths.First(c, "auth.params.inletId")) == inletId)
                ?? throw EmulatorError.NotFound(ErrorCodes.StreamingInletNotFound, "No streaming connection of sandbox " + context.Sandbox.Name + " has inlet " + inletId + ".");
            if (JsonPaths.First(connection, "auth.params.authenticationRequired") is JsonValue required && required.TryGetValue<bool>(out var authenticated) && authenticated
                && context.Engine.GatewayError(context.Request) is EmulatorError unauthorized)
            {
                throw unauthorized;
            }

            var flow = Flow(context, (string)connection["id"]!);
            var messages = batch
                ? (context.BodyObject()["messages"] as JsonArray ?? throw EmulatorError.BadRequest(ErrorCodes.StreamingMessageInvalid, "A batch is {\"messages\": [...]}."))
                : new JsonArray(context.Body().DeepClone());
            var dataType = JsonFields.Text(JsonPaths.First(connection, "auth.params.dataType")) ?? "xdm";
            var accepted = new List<JsonObject>();
            var responses = new JsonArray();
            var receivedAt = context.NowEpochMillis;
            for (var i = 0; i < messages.Count; i++)
            {
                var xactionId = receivedAt + ":" + inletId.Substring(0, 8) + ":" + i;
                var (record, problem) = RecordOf(messages[i], dataType, (string)flow["id"]!);
                if (record is null)
                {
                    responses.Add(new JsonObject { ["xactionId"] = xactionId, ["status"] = 400, ["message"] = problem });
                    continue;
                }

                accepted.Add(record);
                responses.Add(new JsonObject { ["xactionId"] = xactionId });
            }

            if (accepted.Count > 0)
            {
                _runs.Stream(context.Sandbox, flow, accepted, context.Now);
            }

            return batch
                ? EmulatorResponse.Json(207, new JsonObject { ["inletId"] = inletId, ["batchId"] = receivedAt + ":" + inletId.Substring(0, 8), ["receivedTimeMs"] = receivedAt, ["responses"] = responses })
                : JsonFields.Text(JsonPaths.First(responses[0], "message")) is string refused
                    ? throw EmulatorError.BadRequest(ErrorCodes.StreamingMessageInvalid, refused)
                    : EmulatorResponse.Json(200, new JsonObject { ["inletId"] = inletId, ["xactionId"] = responses[0]!["xactionId"]!.DeepClone(), ["receivedTimeMs"] = receivedAt });
        }

        /// <summary>The enabled flow named by <c>x-adobe-flow-id</c>, which must read from this inlet's connection.</summary>
        private static JsonObject Flow(RequestContext context, string connectionId)
        {
            var flowId = context.Request.Header("x-adobe-flow-id");
            if (string.IsNullOrWhiteSpace(flowId))
            {
                throw EmulatorError.BadRequest(ErrorCodes.StreamingFlowIdMissing, "The x-adobe-flow-id header is required: it names the flow whose mapping and dataset take the records.");
            }

            var flow = FlowResources.Find(context.Sandbox, ResourceKind.Flow, flowId!);
            var readsInlet = flow != null && FlowResources.Ids(flow["sourceConnectionIds"])
                .Any(id => JsonFields.Text(FlowResources.Find(context.Sandbox, ResourceKind.SourceConnection, id)?["baseConnectionId"]) == connectionId);
            return readsInlet
                ? flow!
                : throw EmulatorError.BadRequest(ErrorCodes.StreamingFlowNotOnInlet, "Flow " + flowId + " does not read from this inlet's connection " + connectionId + ".");
        }

        /// <summary>The record a message carries, or why it is refused: a message is {header, body}, flowId when given is the flow's, and the record has fields.</summary>
        private static (JsonObject? Record, string? Problem) RecordOf(JsonNode? message, string dataType, string flowId)
        {
            if (!(message is JsonObject envelope) || !(envelope["body"] is JsonObject body))
            {
                return (null, "A message is {\"header\": {...}, \"body\": {...}}.");
            }

            if (JsonFields.Text(JsonPaths.First(envelope, "header.flowId")) is string named && named != flowId)
            {
                return (null, "header.flowId " + named + " is not the flow of x-adobe-flow-id (" + flowId + ").");
            }

            var record = dataType == "raw" ? body : body["xdmEntity"] as JsonObject;
            return record is null ? (null, "An XDM message's body needs xdmEntity.")
                : record.Count == 0 ? (null, "The message's record has no fields.")
                : ((JsonObject)record.DeepClone(), null);
        }
    }
}
