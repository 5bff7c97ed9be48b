using System.Text.Json.Nodes;
using PlatformFlow.Emulator.Engine;
using PlatformFlow.Emulator.FlowService;

namespace PlatformFlow.Emulator.Control
{
    /// <summary>
    /// The emulator's own routes, which the platform does not have (<c>/emulator</c>): <c>POST
    /// /emulator/flows/{flowId}/plannedFailures {code, message, runs}</c> → <c>201 {flowId, planned}</c> makes the flow's next
    /// runs fail with a fault no data can cause (<see cref="RunScheduler.PlanFailure"/>). Same headers as the platform's routes.
    /// </summary>
    internal sealed class EmulatorControlService(RunScheduler runs) : EmulatorService(Path, new ErrorStyle(ErrorBodyShape.Problem, "EMU"))
    {
        public const string Path = "/emulator";

        private readonly RunScheduler _runs = runs;

        public override void Register(RouteTable routes) => routes.Add(this, "POST", "/flows/{flowId}/plannedFailures", PlanFailures);

        private EmulatorResponse PlanFailures(RequestContext context)
        {
            var flowId = context.Route("flowId");
            if (FlowResources.Find(context.Sandbox, ResourceKind.Flow, flowId) is null)
            {
                throw EmulatorError.NotFound(ErrorCodes.PlannedFailureFlowNotFound, "Flow " + flowId + " was not found in sandbox " + context.Sandbox.Name + ".");
            }

            var body = context.BodyObject();
            var code = JsonFields.Text(body["code"]);
            var message = JsonFields.Text(body["message"]);
            var runs = body["runs"] is null ? 1 : JsonValues.AsLong(body["runs"]) ?? 0;
            if (string.IsNullOrWhiteSpace(code) || string.IsNullOrWhiteSpace(message) || runs < 1 || runs > 1000)
            {
                throw EmulatorError.BadRequest(ErrorCodes.PlannedFailureInvalid, "A planned failure is {\"code\": text, \"message\": text, \"runs\": 1 to 1000 (default 1)}, e.g. {\"code\": \"CONNECTOR-2001-500\", \"message\": \"The shop refused the token.\"}.");
            }

            _runs.PlanFailure(flowId, code!, message!, (int)runs);
            return EmulatorResponse.Json(201, new JsonObject { ["flowId"] = flowId, ["planned"] = runs });
        }
    }
}
