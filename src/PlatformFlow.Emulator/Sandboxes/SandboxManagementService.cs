using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using PlatformFlow.Emulator.Engine;

namespace PlatformFlow.Emulator.Sandboxes
{
    /// <summary>
    /// The Sandbox API (<c>/data/foundation/sandbox-management</c>): <c>GET /sandboxes</c> lists the sandboxes the engine
    /// was configured with (<see cref="EmulatorOptions.Sandboxes"/>), paged by <c>limit</c> and <c>offset</c> as the platform
    /// pages them. <c>prod</c> is the default production sandbox; every other one is a development sandbox.
    /// </summary>
    internal sealed class SandboxManagementService(EmulatorEngine engine) : EmulatorService(Path, new ErrorStyle(ErrorBodyShape.Problem, "SMS"))
    {
        public const string Path = "/data/foundation/sandbox-management";
        private const string ProductionSandbox = "prod";
        private const int DefaultLimit = 50;

        private readonly EmulatorEngine _engine = engine;

        public override void Register(RouteTable routes) => routes.Add(this, "GET", "/sandboxes", ListSandboxes);

        private EmulatorResponse ListSandboxes(RequestContext context)
        {
            var limit = NonNegative(context, "limit") ?? DefaultLimit;
            var offset = NonNegative(context, "offset") ?? 0;
            var page = _engine.Options.Sandboxes.Skip(offset).Take(limit).Select(name => Describe(name, _engine.StartedAt)).ToArray();
            return EmulatorResponse.Json(200, new JsonObject
            {
                ["sandboxes"] = new JsonArray(page),
                ["_page"] = new JsonObject { ["limit"] = limit, ["count"] = page.Length },
            });
        }

        /// <summary>A sandbox as the API describes it; the emulator's sandboxes are as old as the engine.</summary>
        private static JsonNode Describe(string name, System.DateTimeOffset createdAt)
        {
            var production = name == ProductionSandbox;
            return new JsonObject
            {
                ["name"] = name,
                ["title"] = production ? "Production" : name,
                ["state"] = "active",
                ["type"] = production ? "production" : "development",
                ["region"] = "VA7",
                ["isDefault"] = production,
                ["eTag"] = 1,
                ["createdDate"] = createdAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                ["lastModifiedDate"] = createdAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            };
        }

        private static int? NonNegative(RequestContext context, string name)
        {
            var text = context.Request.QueryValue(name);
            if (text is null)
            {
                return null;
            }

            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw EmulatorError.BadRequest(ErrorCodes.SandboxQueryInvalid, name + " must be a whole number of 0 or more, not '" + text + "'.");
        }
    }
}
