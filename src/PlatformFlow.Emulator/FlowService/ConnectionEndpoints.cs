using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using PlatformFlow.Emulator.Engine;

namespace PlatformFlow.Emulator.FlowService
{
    /// <summary>Base connections (<c>/connections</c>): authenticated links to a source, and exploring what they reach.</summary>
    internal static class ConnectionEndpoints
    {
        /// <summary>What reads show instead of a secret (an auth param the auth spec marks <c>"format": "password"</c>).</summary>
        public const string SecretMask = "********";

        /// <summary>The start of a credential the emulator's sources refuse: <c>GET /connections/{id}/test</c> answers false.</summary>
        public const string InvalidCredentialPrefix = "invalid";

        private static readonly string[] ExploreParameters = { "objectType", "object", "preview", "fileType", "compressionType" };

        public static void Register(EmulatorService service, RouteTable routes)
        {
            routes.Add(service, "GET", "/connections", context => FlowResources.List(context, ResourceKind.Connection, Render));
            routes.Add(service, "POST", "/connections", Create);
            routes.Add(service, "GET", "/connections/{id}/explore", Explore);
            routes.Add(service, "GET", "/connections/{id}/test", Test);
            routes.Add(service, "GET", "/connections/{id}", context => FlowResources.Item(Render(FlowResources.Find(context, ResourceKind.Connection, context.Route("id")))));
            routes.Add(service, "PATCH", "/connections/{id}", Patch);
            routes.Add(service, "DELETE", "/connections/{id}", Delete);
        }

        /// <summary>A copy of the stored connection with its secrets masked.</summary>
        public static JsonObject Render(JsonObject connection)
        {
            var shown = (JsonObject)connection.DeepClone();
            var spec = SpecCatalog.Instance.ConnectionSpec(JsonFields.Text(JsonPaths.First(connection, "connectionSpec.id")) ?? string.Empty);
            var authSpec = spec is null ? null : AuthSpec(spec, JsonFields.Text(JsonPaths.First(connection, "auth.specName")));
            if (authSpec != null && JsonPaths.First(shown, "auth.params") is JsonObject parameters)
            {
                foreach (var secret in (JsonPaths.First(authSpec, "spec.properties") as JsonObject ?? new JsonObject())
                    .Where(p => JsonFields.Text(JsonFields.Member(p.Value, "format")) == "password" && parameters.ContainsKey(p.Key)))
                {
                    parameters[secret.Key] = SecretMask;
                }
            }

            return shown;
        }

        /// <summary>
        /// <c>{result}</c>: whether the source accepts the connection's credentials. The emulator's sources refuse an auth
        /// param whose value starts with <see cref="InvalidCredentialPrefix"/> (e.g. <c>accessToken = "invalid-token"</c>).
        /// </summary>
        private static EmulatorResponse Test(RequestContext context)
        {
            var connection = FlowResources.Find(context, ResourceKind.Connection, context.Route("id"));
            var parameters = JsonPaths.First(connection, "auth.params") as JsonObject ?? new JsonObject();
            var refused = parameters.Any(p => JsonFields.Text(p.Value) is string value && value.StartsWith(InvalidCredentialPrefix, StringComparison.OrdinalIgnoreCase));
            return EmulatorResponse.Json(200, new JsonObject { ["result"] = !refused });
        }

        private static EmulatorResponse Create(RequestContext context)
        {
            var connection = FlowResources.CreateCandidate(context);
            Validate(connection);
            connection["state"] = "enabled";
            if (JsonFields.Text(JsonPaths.First(Payload.ConnectionSpec(connection), "sourceSpec.type")) == "Streaming")
            {
                AddInlet(context, (JsonObject)JsonPaths.First(connection, "auth.params")!);
            }

            return FlowResources.Created(ResourceKind.Connection, FlowResources.Store(context, ResourceKind.Connection, connection));
        }

        private static EmulatorResponse Patch(RequestContext context)
        {
            if (context.Body() is JsonArray instructions
                && instructions.Any(i => JsonFields.Text(JsonFields.Member(i, "path")) is string path && path.StartsWith("/connectionSpec", StringComparison.Ordinal)))
            {
                throw EmulatorError.BadRequest(ErrorCodes.FlowConnectionSpecImmutable, "The connection spec of a connection cannot be updated.");
            }

            return FlowResources.Patch(context, ResourceKind.Connection, Validate);
        }

        private static EmulatorResponse Delete(RequestContext context)
        {
            var id = context.Route("id");
            var sandbox = context.Sandbox;
            bool UsesThis(ResourceKind kind, string linkId) =>
                JsonFields.Text(FlowResources.Find(sandbox, kind, linkId)?["baseConnectionId"]) == id;
            var flows = FlowResources.FlowsUsing(sandbox, s => UsesThis(ResourceKind.SourceConnection, s), t => UsesThis(ResourceKind.TargetConnection, t));
            return FlowResources.Delete(context, ResourceKind.Connection, flows, ErrorCodes.FlowBaseConnectionInUse);
        }

        /// <summary>
        /// A streaming connection's inlet, made with it: <c>inletId</c>, and <c>inletUrl</c> on the platform's collection host
        /// (on the emulator's own address when it is reached over HTTP, so a client posts to the emulator it talks to).
        /// </summary>
        private static void AddInlet(RequestContext context, JsonObject parameters)
        {
            var inletId = Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N");
            var host = context.Request.Header("Host");
            parameters["inletId"] = inletId;
            parameters["inletUrl"] = (host is null ? StreamingIngestion.StreamingIngestionService.CollectionHost : "http://" + host) + StreamingIngestion.StreamingIngestionService.Path + "/" + inletId;
        }

        /// <summary>
        /// The rules of a base connection: a name, a known connection spec, an auth spec of that connection spec named by
        /// <c>auth.specName</c>, and <c>auth.params</c> valid against that auth spec's JSON Schema.
        /// </summary>
        private static void Validate(JsonObject connection)
        {
            Payload.CheckNameAndDescription(connection, required: true);
            var spec = Payload.ConnectionSpec(connection);
            Payload.RequiredObject(connection, "auth");
            var specName = Payload.RequiredText(connection, "auth.specName");
            var authSpec = AuthSpec(spec, specName)
                ?? throw EmulatorError.BadRequest(ErrorCodes.FlowAuthSpecNotFound, "The auth spec '" + specName + "' (auth.specName) could not be found for the connection spec ID "
                    + spec["id"] + "; it has: " + string.Join(", ", AuthSpecs(spec).Select(a => "'" + a["name"] + "'")) + ".");
            var parameters = Payload.RequiredObject(connection, "auth.params");
            Payload.CheckAgainstSpec(authSpec["spec"], parameters, ErrorCodes.FlowAuthParamsInvalid, "auth.params");
        }

        private static JsonObject? AuthSpec(JsonObject spec, string? specName) =>
            AuthSpecs(spec).FirstOrDefault(a => string.Equals(JsonFields.Text(a["name"]), specName, StringComparison.OrdinalIgnoreCase));

        private static IEnumerable<JsonObject> AuthSpecs(JsonObject spec) =>
            (spec["authSpec"] as JsonArray ?? new JsonArray()).OfType<JsonObject>();

        private static EmulatorResponse Explore(RequestContext context)
        {
            var connection = FlowResources.Find(context, ResourceKind.Connection, context.Route("id"));
            var unknown = context.Request.Query.FirstOrDefault(p => !ExploreParameters.Contains(p.Key, StringComparer.OrdinalIgnoreCase));
            if (unknown.Key != null)
            {
                throw EmulatorError.BadRequest(ErrorCodes.FlowQueryParameterInvalid, "Invalid params " + unknown.Key + " provided in query params; explore takes " + string.Join(", ", ExploreParameters) + ".");
            }

            var specId = JsonFields.Text(JsonPaths.First(connection, "connectionSpec.id")) ?? string.Empty;
            if (SpecCatalog.Instance.Files(specId) is IReadOnlyList<JsonObject> files)
            {
                return FileExplore.Answer(context, specId, files);
            }

            var tables = SpecCatalog.Instance.Tables(specId) ?? Array.Empty<JsonObject>();
            var objectType = (context.Request.QueryValue("objectType") ?? "root").ToLowerInvariant();
            switch (objectType)
            {
                case "root":
                    return EmulatorResponse.Json(200, new JsonArray(tables.Select(t => (JsonNode)new JsonObject
                    {
                        ["type"] = "table",
                        ["name"] = t["name"]?.DeepClone(),
                        ["path"] = t["path"]?.DeepClone(),
                        ["canPreview"] = true,
                        ["canFetchSchema"] = true,
                    }).ToArray()));
                case "table":
                    return EmulatorResponse.Json(200, ExploreTable(context, specId));
                default:
                    throw EmulatorError.BadRequest(ErrorCodes.FlowQueryParameterInvalid, "objectType '" + context.Request.QueryValue("objectType") + "' cannot be explored on this tabular source; use root or table.");
            }
        }

        /// <summary><c>{format, schema: {columns}, data}</c>: the table's columns, and its sample rows with <c>preview=true</c>.</summary>
        private static JsonObject ExploreTable(RequestContext context, string specId)
        {
            var name = context.Request.QueryValue("object");
            if (string.IsNullOrWhiteSpace(name))
            {
                throw EmulatorError.BadRequest(ErrorCodes.FlowQueryParameterInvalid, "objectType=table needs object={TABLE_PATH} (a path from objectType=root).");
            }

            var table = SpecCatalog.Instance.Table(specId, name!)
                ?? throw new EmulatorError(404, ErrorCodes.FlowExploreObjectNotFound, "Resource not found", "The table '" + name + "' does not exist in this connection's source; list the tables with objectType=root.");
            return Described(context, table);
        }

        /// <summary>
        /// A table (or a file described as one) as explore shows it: <c>{format, schema: {columns}, data}</c>, with its sample
        /// rows only when <c>preview=true</c>.
        /// </summary>
        internal static JsonObject Described(RequestContext context, JsonObject table)
        {
            var previewText = context.Request.QueryValue("preview") ?? "false";
            if (!bool.TryParse(previewText, out var preview))
            {
                throw EmulatorError.BadRequest(ErrorCodes.FlowQueryParameterInvalid, "Invalid value '" + previewText + "' for preview: true or false.");
            }

            var result = new JsonObject
            {
                ["format"] = "flat",
                ["schema"] = new JsonObject { ["columns"] = table["columns"]!.DeepClone() },
            };
            if (preview)
            {
                result["data"] = table["preview"]!.DeepClone();
            }

            return result;
        }
    }
}
