using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using PlatformFlow.Emulator.Engine;
using PlatformFlow.Emulator.Ingestion;
using PlatformFlow.Emulator.SchemaRegistry;
using PlatformFlow.Shared;

namespace PlatformFlow.Emulator.DataPrep
{
    /// <summary>
    /// Data Prep (<c>/data/foundation/conversion</c>): versioned mapping sets whose destinations are fields of a tenant
    /// XDM schema. A <c>PUT</c> makes the next version; every version stays readable with <c>?version=</c>.
    /// </summary>
    internal sealed class DataPrepService() : EmulatorService(Path, new ErrorStyle(ErrorBodyShape.Problem, "DPS"))
    {
        public const string Path = "/data/foundation/conversion";

        /// <summary>The sandbox collection of mapping sets (their latest version), keyed by mapping set id.</summary>
        public const string MappingSetsCollection = "mappingSets";

        /// <summary>Every version of every mapping set, keyed <c>{id}@{version}</c>.</summary>
        private const string VersionsCollection = "mappingSetVersions";

        private const int DefaultLimit = 10;

        private static readonly string[] SimpleFields = { "id", "version", "createdDate", "modifiedDate", "createdBy", "modifiedBy" };

        /// <summary>The stored mapping set at this version, or null.</summary>
        public static JsonObject? FindVersion(SandboxState sandbox, string id, long version) =>
            sandbox.Collection(VersionsCollection).Find(id + "@" + version.ToString(CultureInfo.InvariantCulture));

        public override void Register(RouteTable routes)
        {
            routes.Add(this, "GET", "/mappingSets", ListMappingSets);
            routes.Add(this, "POST", "/mappingSets", CreateMappingSet);
            routes.Add(this, "GET", "/mappingSets/{id}", GetMappingSet);
            routes.Add(this, "PUT", "/mappingSets/{id}", UpdateMappingSet);
            routes.Add(this, "GET", "/mappingSets/{id}/mappings", ListMappings);
            routes.Add(this, "GET", "/mappingSets/{id}/mappings/{mappingId}", GetMapping);
            routes.Add(this, "POST", "/mappingSets/validate", ValidateMappingSet, changesState: false);
            routes.Add(this, "POST", "/mappingSets/preview", PreviewMappingSet, changesState: false);
            LanguageEndpoints.Register(this, routes);
        }

        /// <summary>
        /// <c>{validationResponse: [{status, errors}]}</c>, one entry per mapping in order: <c>SUCCESS</c> with <c>errors: null</c>,
        /// or <c>FAILED</c> with TransformErrorInfo objects (<see cref="MappingCheck"/>). A body that is no mapping set at all is a 400.
        /// </summary>
        private static EmulatorResponse ValidateMappingSet(RequestContext context)
        {
            var check = new MappingCheck(MappingSetRequest.Read(context.Sandbox, context.BodyObject(), strict: false));
            return EmulatorResponse.Json(200, new JsonObject
            {
                ["validationResponse"] = new JsonArray(Enumerable.Range(0, check.Request.Mappings.Count).Select(i =>
                {
                    var problems = check.Problems(i);
                    return (JsonNode)new JsonObject
                    {
                        ["status"] = problems.Count == 0 ? "SUCCESS" : "FAILED",
                        ["errors"] = problems.Count == 0 ? null : new JsonArray(problems.ToArray<JsonNode>()),
                    };
                }).ToArray()),
            });
        }

        /// <summary>
        /// <c>{data, mappingSet}</c> in, <c>{data, errors}</c> out: <c>data</c> the mapped record of each sample row (an object
        /// for an object, an array for an array of rows), <c>errors</c> TransformErrorInfo objects (with <c>row</c> for a failure on one row).
        /// </summary>
        private static EmulatorResponse PreviewMappingSet(RequestContext context)
        {
            var body = context.BodyObject();
            var mappingSet = body["mappingSet"] as JsonObject
                ?? throw EmulatorError.BadRequest(ErrorCodes.MappingSetPayloadInvalid, "mappingSet is required: the mapping set to preview (as sent to POST /mappingSets).");
            var single = body["data"] as JsonObject;
            var rows = single != null ? new List<JsonObject> { single }
                : body["data"] is JsonArray items && items.All(i => i is JsonObject) ? items.Select(i => (JsonObject)i!).ToList()
                : throw EmulatorError.BadRequest(ErrorCodes.MappingSetPayloadInvalid, "data is required: a source row (a JSON object) or an array of them.");
            var check = new MappingCheck(MappingSetRequest.Read(context.Sandbox, mappingSet, strict: false));
            var records = MappingPreview.Run(new RecordIngestion(check, context.Engine.Options.Clock), rows, out var errors);
            return EmulatorResponse.Json(200, new JsonObject
            {
                ["data"] = single != null ? records[0]!.DeepClone() : records,
                ["errors"] = new JsonArray(errors.ToArray<JsonNode>()),
            });
        }

        /// <summary>Answers 200 (as Data Prep does, not 201) with the new set's id, version 0 and audit fields.</summary>
        private static EmulatorResponse CreateMappingSet(RequestContext context)
        {
            var request = MappingSetRequest.Read(context);
            var author = Author(context);
            var now = context.NowEpochMillis;
            var mappingSet = Build(context, request, JsonFields.RandomHex(IdShapes.MappingSetIdBytes), version: 0, createdDate: now, createdBy: author, modifiedDate: now);
            Store(context, mappingSet);
            return EmulatorResponse.Json(200, new JsonObject(SimpleFields.Select(f => new KeyValuePair<string, JsonNode?>(f, mappingSet[f]!.DeepClone()))));
        }

        private static EmulatorResponse UpdateMappingSet(RequestContext context)
        {
            var current = Find(context, context.Route("id"));
            var request = MappingSetRequest.Read(context);
            var mappingSet = Build(
                context,
                request,
                (string)current["id"]!,
                version: (int)current["version"]! + 1,
                createdDate: (long)current["createdDate"]!,
                createdBy: (string)current["createdBy"]!,
                modifiedDate: context.NowEpochMillis);
            Store(context, mappingSet);
            return EmulatorResponse.Json(200, mappingSet.DeepClone());
        }

        // The dates are given, not read here: a new mapping set's two dates are one reading of the clock.
        private static JsonObject Build(RequestContext context, MappingSetRequest request, string id, int version, long createdDate, string createdBy, long modifiedDate)
        {
            var modifiedBy = Author(context);
            var mappingSet = new JsonObject
            {
                ["id"] = id,
                ["version"] = version,
                ["createdDate"] = createdDate,
                ["modifiedDate"] = modifiedDate,
                ["createdBy"] = createdBy,
                ["modifiedBy"] = modifiedBy,
            };
            if (request.Name != null)
            {
                mappingSet["name"] = request.Name;
            }

            if (request.InputSchema != null)
            {
                mappingSet["inputSchema"] = request.InputSchema.DeepClone();
            }

            mappingSet["outputSchema"] = request.OutputSchema.DeepClone();
            mappingSet["mappings"] = new JsonArray(request.Mappings.Select(m =>
            {
                var mapping = new JsonObject
                {
                    ["id"] = JsonFields.RandomHex(16),
                    ["version"] = version,
                    ["createdDate"] = modifiedDate,
                    ["modifiedDate"] = modifiedDate,
                    ["createdBy"] = modifiedBy,
                    ["modifiedBy"] = modifiedBy,
                };
                foreach (var field in m)
                {
                    mapping[field.Key] = field.Value?.DeepClone();
                }

                return (JsonNode)mapping;
            }).ToArray());
            return mappingSet;
        }

        private static void Store(RequestContext context, JsonObject mappingSet)
        {
            var id = (string)mappingSet["id"]!;
            var latest = context.Sandbox.Collection(MappingSetsCollection);
            latest.Remove(id);
            latest.Add(id, mappingSet);
            context.Sandbox.Collection(VersionsCollection).Add(id + "@" + mappingSet["version"], mappingSet.DeepClone().AsObject());
        }

        private static EmulatorResponse GetMappingSet(RequestContext context) =>
            EmulatorResponse.Json(200, Shown(context, Version(context), ExpandSchema(context)));

        /// <summary>A copy to answer with; with <c>expandSchema=true</c> its <c>outputSchema.jsonSchema</c> is the resolved XDM schema.</summary>
        private static JsonObject Shown(RequestContext context, JsonObject mappingSet, bool expandSchema)
        {
            var shown = (JsonObject)mappingSet.DeepClone();
            if (expandSchema && shown["outputSchema"] is JsonObject output
                && XdmSchemas.FindTenantSchema(context.Sandbox, JsonFields.Text(JsonFields.Member(output["schemaRef"], "id")) ?? string.Empty) is JsonObject schema)
            {
                output["jsonSchema"] = new JsonObject
                {
                    ["id"] = schema["$id"]?.DeepClone(),
                    ["title"] = schema["title"]?.DeepClone(),
                    ["type"] = "object",
                    ["properties"] = XdmSchemas.ResolveProperties(schema),
                };
            }

            return shown;
        }

        private static bool ExpandSchema(RequestContext context)
        {
            var text = context.Request.QueryValue("expandSchema");
            return text is null ? false
                : bool.TryParse(text, out var expand) ? expand
                : throw EmulatorError.BadRequest(ErrorCodes.MappingSetQueryInvalid, "expandSchema must be true or false, not '" + text + "'.");
        }

        private static EmulatorResponse ListMappings(RequestContext context) =>
            EmulatorResponse.Json(200, Version(context)["mappings"]!.DeepClone());

        private static EmulatorResponse GetMapping(RequestContext context)
        {
            var mappingId = context.Route("mappingId");
            var mapping = (Version(context)["mappings"] as JsonArray)!.FirstOrDefault(m => (string?)m!["id"] == mappingId)
                ?? throw EmulatorError.NotFound(ErrorCodes.MappingNotFound, "Mapping " + mappingId + " is not in mapping set " + context.Route("id") + ".");
            return EmulatorResponse.Json(200, mapping.DeepClone());
        }

        /// <summary>The mapping set named by the route, at <c>?version=</c> when given (else its latest version).</summary>
        private static JsonObject Version(RequestContext context)
        {
            var id = context.Route("id");
            var latest = Find(context, id);
            var versionText = context.Request.QueryValue("version");
            if (versionText is null)
            {
                return latest;
            }

            if (!int.TryParse(versionText, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                throw EmulatorError.BadRequest(ErrorCodes.MappingSetQueryInvalid, "version must be a whole number, not '" + versionText + "'.");
            }

            return context.Sandbox.Collection(VersionsCollection).Find(id + "@" + version)
                ?? throw EmulatorError.NotFound(ErrorCodes.MappingSetNotFound, "Mapping set " + id + " has no version " + version + " (latest: " + latest["version"] + ").");
        }

        /// <summary>
        /// <c>{data, _page: {count, limit}, _links}</c>: <c>limit</c> (default 10), <c>start</c> (offset), <c>name</c>, and
        /// <c>orderBy</c> on <c>createdDate</c> or <c>updatedDate</c> (<c>+</c> ascending, <c>-</c> descending).
        /// </summary>
        private static EmulatorResponse ListMappingSets(RequestContext context)
        {
            var request = context.Request;
            var expandSchema = ExpandSchema(context);
            var limit = QueryNumber(request, "limit", DefaultLimit, 1);
            var start = QueryNumber(request, "start", 0, 0);
            var name = request.QueryValue("name");
            var matching = context.Sandbox.Collection(MappingSetsCollection).All.Where(m => name is null || (string?)m["name"] == name);
            var ordered = Order(matching, request.QueryValue("orderBy")).ToList();
            var page = ordered.Skip(start).Take(limit).ToList();

            var links = new JsonObject();
            if (start + page.Count < ordered.Count)
            {
                var next = Path + "/mappingSets?limit=" + limit + "&start=" + (start + page.Count) + (expandSchema ? "&expandSchema=true" : string.Empty);
                links["next"] = new JsonObject { ["href"] = request.QueryValue("orderBy") is string orderBy ? next + "&orderBy=" + Uri.EscapeDataString(orderBy) : next };
            }

            return EmulatorResponse.Json(200, new JsonObject
            {
                ["data"] = new JsonArray(page.Select(m => (JsonNode)Shown(context, m, expandSchema)).ToArray()),
                ["_page"] = new JsonObject { ["count"] = page.Count, ["limit"] = limit },
                ["_links"] = links,
            });
        }

        private static IEnumerable<JsonObject> Order(IEnumerable<JsonObject> mappingSets, string? orderBy)
        {
            var text = orderBy ?? "lastUpdateDate";
            var descending = text.StartsWith("-", StringComparison.Ordinal);
            var field = text.TrimStart('+', '-');
            var key = field == "createdDate" ? "createdDate"
                : field == "updatedDate" || field == "lastUpdateDate" ? "modifiedDate"
                : throw EmulatorError.BadRequest(ErrorCodes.MappingSetQueryInvalid, "orderBy supports createdDate and updatedDate (prefixed + or -), not '" + orderBy + "'.");
            return descending ? mappingSets.OrderByDescending(m => (long)m[key]!) : mappingSets.OrderBy(m => (long)m[key]!);
        }

        private static int QueryNumber(EmulatorRequest request, string name, int fallback, int minimum)
        {
            var text = request.QueryValue(name);
            return text is null ? fallback
                : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= minimum ? value
                : throw EmulatorError.BadRequest(ErrorCodes.MappingSetQueryInvalid, name + " must be a whole number of at least " + minimum + ", not '" + text + "'.");
        }

        private static JsonObject Find(RequestContext context, string id) =>
            context.Sandbox.Collection(MappingSetsCollection).Find(id)
            ?? throw EmulatorError.NotFound(ErrorCodes.MappingSetNotFound, "Mapping set " + id + " was not found in sandbox " + context.Sandbox.Name + ".");

        /// <summary>Who the audit fields name: the calling integration's technical account.</summary>
        private static string Author(RequestContext context) => context.Request.Header("x-api-key") + "@AdobeID";
    }
}
