using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using PlatformFlow.Emulator.Engine;
using PlatformFlow.Emulator.FlowService;
using PlatformFlow.Emulator.SchemaRegistry;
using PlatformFlow.JsonSchema;
using PlatformFlow.Shared;

namespace PlatformFlow.Emulator.Catalog
{
    /// <summary>Catalog (<c>/data/foundation/catalog</c>): datasets bound to tenant XDM schemas.</summary>
    internal sealed class CatalogService(RunScheduler runs) : EmulatorService(Path, new ErrorStyle(ErrorBodyShape.Problem, "CAT"))
    {
        public const string Path = "/data/foundation/catalog";

        /// <summary>The sandbox collection of datasets, keyed by the 24-hex dataset id.</summary>
        public const string DataSetsCollection = "dataSets";

        private const int DefaultLimit = 50;
        private const int MaxLimit = 100;

        /// <summary>The time all <c>property=field~pattern</c> matching of one listing may take together.</summary>
        private static readonly TimeSpan PatternTimeLimit = TimeSpan.FromMilliseconds(250);

        /// <summary>Query parameters that filter on the top-level field of the same name (comma = any of these values).</summary>
        private static readonly string[] FieldFilters = { "name", "description", "version", "created", "updated", "createdClient", "createdUser", "updatedUser" };

        private readonly RunScheduler _runs = runs;

        /// <summary>Datasets whose <c>schemaRef.id</c> is this schema <c>$id</c>, with their ids.</summary>
        public static IEnumerable<KeyValuePair<string, JsonObject>> DataSetsUsing(SandboxState sandbox, string schemaId) =>
            sandbox.Collection(DataSetsCollection).Entries.Where(d => JsonFields.Text(JsonFields.Member(d.Value["schemaRef"], "id")) == schemaId);

        public override void Register(RouteTable routes)
        {
            routes.Add(this, "GET", "/dataSets", ListDataSets);
            routes.Add(this, "POST", "/dataSets", CreateDataSet);
            routes.Add(this, "GET", "/dataSets/{id}", GetDataSet);
            routes.Add(this, "DELETE", "/dataSets/{id}", DeleteDataSet);
            BatchEndpoints.Register(this, routes, _runs);
        }

        private static EmulatorResponse CreateDataSet(RequestContext context)
        {
            var body = context.BodyObject();
            var name = JsonFields.Text(body["name"]);
            if ((name is null ? "a name is required (non-empty text)" : PlatformLimits.NameProblem(name)) is string problem)
            {
                throw EmulatorError.BadRequest(ErrorCodes.DataSetPayloadInvalid, "name: " + problem + ".");
            }

            var schemaRef = SchemaReference(context, body["schemaRef"]);
            var tags = Tags(body["tags"]);
            var id = NewObjectId(context.Now);
            var clientId = context.Request.Header("x-api-key");
            var now = context.NowEpochMillis;
            var dataSet = new JsonObject
            {
                ["name"] = name,
                ["imsOrg"] = context.Request.Header("x-gw-ims-org-id"),
                ["tags"] = tags,
                ["version"] = "1.0.0",
                ["created"] = now,
                ["updated"] = now,
                ["createdClient"] = clientId,
                ["createdUser"] = clientId + "@AdobeID",
                ["updatedUser"] = clientId + "@AdobeID",
                ["viewId"] = NewObjectId(context.Now),
                ["files"] = "@/dataSetFiles?dataSetId=" + id,
                ["schemaRef"] = schemaRef,
            };
            if (JsonFields.Text(body["description"]) is string description)
            {
                dataSet["description"] = description;
            }

            if (body["enableErrorDiagnostics"] is JsonValue diagnostics && diagnostics.TryGetValue<bool>(out var enabled))
            {
                dataSet["enableErrorDiagnostics"] = enabled;
            }

            context.Sandbox.Collection(DataSetsCollection).Add(id, dataSet);
            return EmulatorResponse.Json(201, Reference(id)).WithHeader("Location", Path + "/dataSets/" + id);
        }

        /// <summary>The validated <c>schemaRef</c>, its id made the schema's <c>$id</c> when the client named the <c>meta:altId</c>.</summary>
        private static JsonObject SchemaReference(RequestContext context, JsonNode? node)
        {
            var id = JsonFields.Text(JsonFields.Member(node, "id"));
            if (string.IsNullOrWhiteSpace(id))
            {
                throw EmulatorError.BadRequest(ErrorCodes.DataSetPayloadInvalid, "schemaRef.id is required: the $id of the tenant XDM schema the dataset follows.");
            }

            var schema = XdmSchemas.FindTenantSchema(context.Sandbox, id!)
                ?? throw EmulatorError.BadRequest(ErrorCodes.DataSetSchemaNotFound, "schemaRef.id " + id + " is not a schema in sandbox " + context.Sandbox.Name + ".");
            var contentType = JsonFields.Text(JsonFields.Member(node, "contentType"));
            if (!XdmMediaType.IsSchemaReference(contentType))
            {
                throw EmulatorError.BadRequest(
                    ErrorCodes.DataSetContentTypeInvalid,
                    "schemaRef.contentType " + (contentType is null ? "is missing" : "'" + contentType + "' is not an XDM schema format") + "; use e.g. application/vnd.adobe.xed-full-notext+json; version=1.");
            }

            return new JsonObject { ["id"] = schema["$id"]!.DeepClone(), ["contentType"] = contentType };
        }

        private static JsonObject Tags(JsonNode? node)
        {
            if (node is null)
            {
                return new JsonObject();
            }

            var valid = node is JsonObject tags && tags.All(t => t.Value is JsonArray values && values.All(v => JsonFields.Text(v) != null));
            return valid
                ? node.DeepClone().AsObject()
                : throw EmulatorError.BadRequest(ErrorCodes.DataSetPayloadInvalid, "tags must be an object of string arrays, e.g. {\"unifiedProfile\": [\"enabled:true\"]}.");
        }

        private static EmulatorResponse GetDataSet(RequestContext context)
        {
            var id = context.Route("id");
            var dataSet = Find(context, id);
            return EmulatorResponse.Json(200, new JsonObject { [id] = Project(dataSet, context.Request.QueryValue("properties")) });
        }

        private static EmulatorResponse DeleteDataSet(RequestContext context)
        {
            var id = context.Route("id");
            Find(context, id);
            context.Sandbox.Collection(DataSetsCollection).Remove(id);
            return EmulatorResponse.Json(200, Reference(id));
        }

        /// <summary>
        /// Catalog's listing: an object keyed by id. <c>limit</c> (default 50, at most 100), <c>start</c> (offset),
        /// <c>orderBy</c> (<c>asc:created,updated</c>, <c>desc:name</c>), <c>properties</c>, the field filters
        /// (<c>name=a,b</c> ...), <c>tags=ns:value</c> and <c>property=</c> conditions (see <see cref="CatalogPropertyFilter"/>).
        /// </summary>
        private static EmulatorResponse ListDataSets(RequestContext context)
        {
            var request = context.Request;
            var limit = QueryNumber(request, "limit", DefaultLimit, 1, MaxLimit);
            var start = QueryNumber(request, "start", 0, 0, int.MaxValue);
            var filters = request.QueryValues("property").Select(CatalogPropertyFilter.Parse).ToList();
            var matches = context.Sandbox.Collection(DataSetsCollection).Entries
                .Where(d => FieldFilters.All(f => MatchesField(d.Value, f, request.QueryValue(f))))
                .Where(d => MatchesTags(d.Value, request.QueryValue("tags")))
                .Where(d => filters.Where(f => !f.IsPattern).All(f => f.Matches(d.Value)));
            var orderBy = request.QueryValue("orderBy");
            var properties = request.QueryValue("properties");
            var patterns = filters.Where(f => f.IsPattern).ToList();
            if (patterns.Count == 0)
            {
                return Page(Order(matches, orderBy).Skip(start).Take(limit), properties);
            }

            // Regular expressions may be slow (they are time-limited too), so they run on a copy, outside the sandbox's lock.
            var snapshot = matches.Select(d => new KeyValuePair<string, JsonObject>(d.Key, d.Value.DeepClone().AsObject())).ToList();
            return EmulatorResponse.OutsideLock(() =>
            {
                var budget = new PatternBudget(PatternTimeLimit);
                return Page(Order(snapshot.Where(d => patterns.All(p => p.Matches(d.Value, budget))), orderBy).Skip(start).Take(limit), properties);
            });
        }

        internal static EmulatorResponse Page(IEnumerable<KeyValuePair<string, JsonObject>> page, string? properties)
        {
            var result = new JsonObject();
            foreach (var dataSet in page)
            {
                result[dataSet.Key] = Project(dataSet.Value, properties);
            }

            return EmulatorResponse.Json(200, result);
        }

        private static bool MatchesField(JsonObject dataSet, string field, string? wanted) =>
            wanted is null || wanted.Split(',').Contains(JsonValues.ScalarText(dataSet[field]), StringComparer.Ordinal);

        /// <summary><c>tags=ns:value,ns2:*</c>: the dataset has every listed tag (<c>*</c> is any value in that namespace).</summary>
        private static bool MatchesTags(JsonObject dataSet, string? wanted)
        {
            if (wanted is null)
            {
                return true;
            }

            var tags = dataSet["tags"] as JsonObject ?? new JsonObject();
            return wanted.Split(',').All(tag =>
            {
                var colon = tag.LastIndexOf(':');
                var space = colon < 0 ? tag : tag.Substring(0, colon);
                var value = colon < 0 ? "*" : tag.Substring(colon + 1);
                return tags[space] is JsonArray values && (value == "*" || values.Any(v => JsonFields.Text(v) == value));
            });
        }

        internal static IEnumerable<KeyValuePair<string, JsonObject>> Order(IEnumerable<KeyValuePair<string, JsonObject>> dataSets, string? orderBy)
        {
            if (orderBy is null)
            {
                return dataSets;
            }

            var colon = orderBy.IndexOf(':');
            var direction = colon < 0 ? "asc" : orderBy.Substring(0, colon);
            if (direction != "asc" && direction != "desc")
            {
                throw EmulatorError.BadRequest(ErrorCodes.DataSetQueryInvalid, "orderBy takes asc: or desc: then fields, e.g. orderBy=desc:created; not '" + Excerpt.Of(orderBy) + "'.");
            }

            var fields = orderBy.Substring(colon + 1).Split(',').Where(f => f.Length > 0).ToList();
            var comparer = Comparer<KeyValuePair<string, JsonObject>>.Create((a, b) =>
            {
                var order = fields.Select(f => JsonValues.CompareNodes(a.Value[f], b.Value[f])).FirstOrDefault(c => c != 0);
                return direction == "desc" ? -order : order;
            });
            return dataSets.OrderBy(d => d, comparer);
        }

        private static JsonObject Project(JsonObject dataSet, string? properties)
        {
            if (properties is null)
            {
                return dataSet.DeepClone().AsObject();
            }

            var wanted = new HashSet<string>(properties.Split(',').Select(p => p.Trim()), StringComparer.Ordinal);
            return new JsonObject(dataSet.Where(p => wanted.Contains(p.Key)).Select(p => new KeyValuePair<string, JsonNode?>(p.Key, p.Value?.DeepClone())));
        }

        internal static int QueryNumber(EmulatorRequest request, string name, int fallback, int minimum, int maximum, string code = ErrorCodes.DataSetQueryInvalid)
        {
            var text = request.QueryValue(name);
            if (text is null)
            {
                return fallback;
            }

            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= minimum && value <= maximum
                ? value
                : throw EmulatorError.BadRequest(code, name + " must be a whole number from " + minimum + " to " + maximum + ", not '" + Excerpt.Of(text) + "'.");
        }

        private static JsonObject Find(RequestContext context, string id) =>
            context.Sandbox.Collection(DataSetsCollection).Find(id)
            ?? throw EmulatorError.NotFound(ErrorCodes.DataSetNotFound, "Dataset " + id + " was not found in sandbox " + context.Sandbox.Name + ".");

        private static JsonArray Reference(string id) => new JsonArray("@/dataSets/" + id);

        /// <summary>A 24-hex id in the shape Catalog uses (a creation-time prefix, then random), so ids sort by creation.</summary>
        private static string NewObjectId(DateTimeOffset now) =>
            now.ToUnixTimeSeconds().ToString("x8", CultureInfo.InvariantCulture) + JsonFields.RandomHex(IdShapes.DatasetIdRandomBytes);
    }
}
