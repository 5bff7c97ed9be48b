using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using PlatformFlow.Emulator.Engine;

namespace PlatformFlow.Emulator.FlowService
{
    /// <summary>What the stored Flow Service resources share: lookup, server-set fields, writes answering <c>{id, etag}</c>, lists, PATCH, DELETE.</summary>
    internal static class FlowResources
    {
        /// <summary>The page size of a list asked without <c>limit</c>; clients follow <c>_links.next.href</c> for the rest.</summary>
        public const int DefaultLimit = 100;

        public const int MaxLimit = 1000;

        public static readonly ListQueryErrorCodes ListCodes = new ListQueryErrorCodes(ErrorCodes.FlowQueryParameterInvalid)
        {
            LimitWithCount = ErrorCodes.FlowListLimitWithCount,
            InvalidOperator = ErrorCodes.FlowFilterOperatorInvalid,
            InvalidField = ErrorCodes.FlowFilterFieldInvalid,
            InvalidValue = ErrorCodes.FlowFilterValueInvalid,
            MultipleValuesNotAllowed = ErrorCodes.FlowFilterMultipleValues,
            InvalidSortOrder = ErrorCodes.FlowSortOrderInvalid,
            InvalidSortField = ErrorCodes.FlowSortFieldInvalid,
        };

        /// <summary>Fields the service sets; a client's values for them are replaced, never trusted.</summary>
        private static readonly string[] ServerFields =
        {
            "id", "createdAt", "updatedAt", "createdBy", "updatedBy", "createdClient", "updatedClient", "sandboxId", "sandboxName",
            "imsOrgId", "etag", "version", "inheritedAttributes", "lastOperation", "lastRunDetails", "runs",
        };

        public static JsonObject? Find(SandboxState sandbox, ResourceKind kind, string id) => sandbox.Collection(kind.Collection).Find(id);

        public static JsonObject Find(RequestContext context, ResourceKind kind, string id) =>
            Find(context.Sandbox, kind, id) ?? throw NotFound(kind, id);

        public static EmulatorError NotFound(ResourceKind kind, string id) =>
            new EmulatorError(404, ErrorCodes.FlowResourceNotFound, "Resource not found", "The requested " + kind.Noun + " resource " + id + " is not found. Verify the resource ID before trying again.");

        /// <summary>The body of a create, without the fields the server sets.</summary>
        public static JsonObject CreateCandidate(RequestContext context)
        {
            var candidate = (JsonObject)context.BodyObject().DeepClone();
            foreach (var field in ServerFields)
            {
                candidate.Remove(field);
            }

            return candidate;
        }

        /// <summary>Stores a validated new resource with its server-set fields (answer with <see cref="Written"/> 201).</summary>
        public static JsonObject Store(RequestContext context, ResourceKind kind, JsonObject resource)
        {
            var id = Guid.NewGuid().ToString();
            var client = context.Request.Header("x-api-key") ?? string.Empty;
            var created = new JsonObject
            {
                ["id"] = id,
                ["createdAt"] = context.NowEpochMillis,
                ["updatedAt"] = context.NowEpochMillis,
                ["createdBy"] = client + "@AdobeID",
                ["updatedBy"] = client + "@AdobeID",
                ["createdClient"] = client,
                ["updatedClient"] = client,
                ["sandboxName"] = context.Sandbox.Name,
                ["imsOrgId"] = context.Request.Header("x-gw-ims-org-id"),
            };
            foreach (var field in resource.ToList())
            {
                resource.Remove(field.Key);
                created[field.Key] = field.Value;
            }

            NewVersion(context, created);
            context.Sandbox.Collection(kind.Collection).Add(id, created);
            return created;
        }

        /// <summary>Marks a change: new etag (also in <c>version</c>, as the platform shows it), <c>updatedAt</c>, <c>updatedBy</c>.</summary>
        public static void NewVersion(RequestContext context, JsonObject resource)
        {
            var client = context.Request.Header("x-api-key") ?? string.Empty;
            var etag = ETags.New(context.Now);
            resource["etag"] = etag;
            resource["version"] = etag;
            resource["updatedAt"] = context.NowEpochMillis;
            resource["updatedBy"] = client + "@AdobeID";
            resource["updatedClient"] = client;
        }

        /// <summary><c>{id, etag}</c> with the etag also as the <c>ETag</c> header.</summary>
        public static EmulatorResponse Written(int status, JsonObject resource) =>
            EmulatorResponse.Json(status, new JsonObject { ["id"] = resource["id"]?.DeepClone(), ["etag"] = resource["etag"]?.DeepClone() })
                .WithHeader("ETag", (string)resource["etag"]!);

        /// <summary><c>201 {id, etag}</c> with the <c>ETag</c> header and the <c>Location</c> of the new resource, as the OpenAPI promises.</summary>
        public static EmulatorResponse Created(ResourceKind kind, JsonObject resource) =>
            Written(201, resource).WithHeader("Location", FlowServiceEmulator.Path + kind.ListPath + "/" + (string)resource["id"]!);

        /// <summary>A single resource the way the platform's GET by id answers: <c>{items: [resource]}</c>.</summary>
        public static EmulatorResponse Item(JsonObject shown)
        {
            var response = EmulatorResponse.Json(200, new JsonObject { ["items"] = new JsonArray(shown) });
            return JsonFields.Text(shown["etag"]) is string etag ? response.WithHeader("ETag", etag) : response;
        }

        /// <summary>A list of the kind, shown through <paramref name="render"/> (see <see cref="ListQuery.Execute"/> for <paramref name="derivedFields"/>).</summary>
        public static EmulatorResponse List(RequestContext context, ResourceKind kind, Func<JsonObject, JsonObject> render, IReadOnlyCollection<string>? derivedFields = null) =>
            EmulatorResponse.Json(200, ListQuery.Parse(context.Request, ListCodes).Execute(context.Sandbox.Collection(kind.Collection), render, kind.ListPath, DefaultLimit, MaxLimit, derivedFields));

        /// <summary>
        /// PATCH: the <c>If-Match</c> rule, the JSON Patch on the paths the kind allows, then the same validation as a create
        /// (<paramref name="validate"/> may normalize the patched resource); stores it with a new etag and answers <c>{id, etag}</c>.
        /// </summary>
        /// <param name="stored">Called with the stored new version (e.g. to reschedule a flow's runs).</param>
        public static EmulatorResponse Patch(RequestContext context, ResourceKind kind, Action<JsonObject> validate, Action<JsonObject>? stored = null)
        {
            var id = context.Route("id");
            var current = Find(context, kind, id);
            ETags.RequireIfMatch(context, current);
            var patched = JsonPatch.Apply(current, context.Body(), kind.PatchPaths, ErrorCodes.FlowPatchInvalid, ErrorCodes.FlowOperationUnsupported);
            validate(patched);
            NewVersion(context, patched);
            patched["lastOperation"] = new JsonObject { ["started"] = context.NowEpochMillis, ["operation"] = "update" };
            context.Sandbox.Collection(kind.Collection).Replace(id, patched);
            stored?.Invoke(patched);
            return Written(200, patched);
        }

        /// <summary>DELETE answering 204, refused with <paramref name="inUseCode"/> while flows still use the resource.</summary>
        public static EmulatorResponse Delete(RequestContext context, ResourceKind kind, IEnumerable<string> usingFlowIds, string inUseCode)
        {
            // Only an existing resource can be in use, so the 404 for an unknown one comes from the delete below.
            var flows = usingFlowIds.ToList();
            if (flows.Count > 0)
            {
                throw EmulatorError.BadRequest(inUseCode, "The " + kind.Noun + " with the ID " + context.Route("id") + " cannot be deleted because it is being used in the flows "
                    + string.Join(", ", flows) + ". Please ensure that corresponding flows are deleted before deleting it.");
            }

            return Delete(context, kind);
        }

        /// <summary>DELETE of a resource nothing refers to (a flow): 204, or 404 when there is none.</summary>
        public static EmulatorResponse Delete(RequestContext context, ResourceKind kind)
        {
            var id = context.Route("id");
            Find(context, kind, id);
            context.Sandbox.Collection(kind.Collection).Remove(id);
            return EmulatorResponse.Empty(204);
        }

        /// <summary>Ids of the flows with a source connection or a target connection the predicates pick.</summary>
        public static IEnumerable<string> FlowsUsing(SandboxState sandbox, Func<string, bool> sourceConnectionUsed, Func<string, bool> targetConnectionUsed) =>
            sandbox.Collection(ResourceKind.Flow.Collection).Entries
                .Where(f => Ids(f.Value["sourceConnectionIds"]).Any(sourceConnectionUsed) || Ids(f.Value["targetConnectionIds"]).Any(targetConnectionUsed))
                .Select(f => f.Key);

        /// <summary>The strings of a JSON array (others skipped).</summary>
        public static IEnumerable<string> Ids(JsonNode? array) =>
            (array as JsonArray ?? new JsonArray()).Select(JsonFields.Text).Where(t => t != null).Select(t => t!);
    }
}
