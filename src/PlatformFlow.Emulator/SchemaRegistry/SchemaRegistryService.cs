using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using PlatformFlow.Emulator.Catalog;
using PlatformFlow.Emulator.Engine;
using PlatformFlow.JsonSchema;

namespace PlatformFlow.Emulator.SchemaRegistry
{
    /// <summary>
    /// The Schema Registry (<c>/data/foundation/schemaregistry</c>): tenant schemas composed from the seeded global
    /// classes and field groups, served in the formats the <c>Accept</c> header selects.
    /// </summary>
    internal sealed class SchemaRegistryService() : EmulatorService(Path, new ErrorStyle(ErrorBodyShape.Problem, "XDM"))
    {
        public const string Path = "/data/foundation/schemaregistry";

        private const string GlobalLibraryVersion = "1.16.1";

        /// <summary>Global container listings: route segment and the <c>meta:resourceType</c> it serves.</summary>
        private static readonly (string Route, string ResourceType)[] GlobalResources =
        {
            ("classes", XdmLibrary.Classes),
            ("fieldgroups", XdmLibrary.FieldGroups),
            ("datatypes", XdmLibrary.DataTypes),
            ("behaviors", XdmLibrary.Behaviors),
        };

        private static readonly ListQueryErrorCodes FilterCodes = new ListQueryErrorCodes(ErrorCodes.SchemaListQueryInvalid);

        public override void Register(RouteTable routes)
        {
            routes.Add(this, "GET", "/tenant/schemas", ListTenantSchemas);
            routes.Add(this, "POST", "/tenant/schemas", CreateSchema);
            routes.Add(this, "GET", "/tenant/schemas/{id}", GetTenantSchema);
            routes.Add(this, "DELETE", "/tenant/schemas/{id}", DeleteSchema);
            foreach (var (route, resourceType) in GlobalResources)
            {
                routes.Add(this, "GET", "/global/" + route, context => List(context, XdmLibrary.Standard.OfType(resourceType), "/global/" + route, linkGlobalSchemas: false));
                routes.Add(this, "GET", "/global/" + route + "/{id}", context => GetGlobal(context, resourceType));
            }
        }

        private static EmulatorResponse CreateSchema(RequestContext context)
        {
            var body = context.BodyObject();
            var title = RequiredText(body, "title");
            if (body["type"] != null && JsonFields.Text(body["type"]) != "object")
            {
                throw Invalid("type must be \"object\" for a schema.");
            }

            var references = AllOfReferences(body);
            var classId = SingleClass(body, references);
            var fieldGroups = references.Where(r => r != classId).ToList();
            CheckFieldGroupsExtend(classId, fieldGroups);

            var schemas = context.Sandbox.Collection(XdmSchemas.Collection);
            var sameTitle = schemas.All.FirstOrDefault(s => string.Equals((string?)s["title"], title, StringComparison.OrdinalIgnoreCase));
            if (sameTitle != null)
            {
                throw EmulatorError.BadRequest(ErrorCodes.SchemaTitleNotUnique, "Title must be unique. An object " + sameTitle["$id"] + " already exists with the same title: " + title);
            }

            var schema = NewSchema(context, body, title, classId, fieldGroups);
            schemas.Add((string)schema["$id"]!, schema);
            return EmulatorResponse.Json(201, schema.DeepClone()).WithHeader("ETag", Quoted(schema));
        }

        private static JsonObject NewSchema(RequestContext context, JsonObject body, string title, string classId, IReadOnlyList<string> fieldGroups)
        {
            var tenant = context.Engine.Options.TenantId;
            var hash = JsonFields.RandomHex(24);
            var clientId = context.Request.Header("x-api-key")!;
            var userId = clientId + "@AdobeID";
            var now = context.NowEpochMillis;
            var composedOf = fieldGroups.Concat(new[] { classId }).ToList();
            var schema = new JsonObject
            {
                ["$id"] = "https://ns.adobe.com/" + tenant + "/schemas/" + hash,
                ["meta:altId"] = "_" + tenant + ".schemas." + hash,
                ["meta:resourceType"] = "schemas",
                ["version"] = "1.0",
                ["title"] = title,
                ["type"] = "object",
                ["description"] = JsonFields.Text(body["description"]) ?? string.Empty,
                ["allOf"] = new JsonArray(AllOfEntries(body).Select(r => (JsonNode)new JsonObject { ["$ref"] = r, ["type"] = "object", ["meta:xdmType"] = "object" }).ToArray()),
                ["refs"] = new JsonArray(composedOf.Select(r => (JsonNode)r).ToArray()),
                ["imsOrg"] = context.Request.Header("x-gw-ims-org-id"),
                ["meta:extensible"] = false,
                ["meta:abstract"] = false,
                ["meta:extends"] = new JsonArray(composedOf.SelectMany(Lineage).Distinct(StringComparer.Ordinal).Select(r => (JsonNode)r).ToArray()),
                ["meta:xdmType"] = "object",
                ["meta:registryMetadata"] = new JsonObject
                {
                    ["repo:createdDate"] = now,
                    ["repo:lastModifiedDate"] = now,
                    ["xdm:createdClientId"] = clientId,
                    ["xdm:lastModifiedClientId"] = clientId,
                    ["xdm:createdUserId"] = userId,
                    ["xdm:lastModifiedUserId"] = userId,
                    ["eTag"] = string.Empty,
                    ["meta:globalLibVersion"] = GlobalLibraryVersion,
                },
                ["meta:class"] = classId,
                ["meta:containerId"] = "tenant",
                ["meta:sandboxId"] = SandboxId(context.Sandbox.Name),
                ["meta:sandboxType"] = context.Sandbox.Name == "prod" ? "production" : "development",
                ["meta:tenantNamespace"] = "_" + tenant,
            };
            schema["meta:registryMetadata"]!["eTag"] = Sha256Hex(schema.ToJsonString());
            return schema;
        }

        /// <summary>The resource's own ancestors (<c>meta:extends</c>) then itself, as the registry lists a schema's <c>meta:extends</c>.</summary>
        private static IEnumerable<string> Lineage(string id)
        {
            var resource = XdmLibrary.Standard.Find(id)!;
            return (resource["meta:extends"] as JsonArray ?? new JsonArray()).Select(e => (string)e!).Concat(new[] { id });
        }

        private static List<string> AllOfEntries(JsonObject body)
        {
            if (!(body["allOf"] is JsonArray allOf) || allOf.Count == 0)
            {
                throw Invalid("allOf is required: a list of {\"$ref\": ...} naming one class and any field groups.");
            }

            var entries = new List<string>();
            for (var i = 0; i < allOf.Count; i++)
            {
                var reference = JsonFields.Text((allOf[i] as JsonObject)?["$ref"]);
                entries.Add(string.IsNullOrWhiteSpace(reference) ? throw Invalid("allOf[" + i + "] needs a \"$ref\" string.") : reference!);
            }

            return entries.Distinct(StringComparer.Ordinal).ToList();
        }

        private static List<string> AllOfReferences(JsonObject body)
        {
            var references = AllOfEntries(body);
            for (var i = 0; i < references.Count; i++)
            {
                var resourceType = XdmLibrary.Standard.ResourceTypeOf(references[i]);
                if (resourceType != XdmLibrary.Classes && resourceType != XdmLibrary.FieldGroups)
                {
                    throw EmulatorError.BadRequest(
                        ErrorCodes.SchemaReferenceUnknown,
                        resourceType is null
                            ? "allOf refers to " + references[i] + ", which is neither a class nor a field group in the global container."
                            : "allOf refers to " + references[i] + ", a " + resourceType + " resource; a schema is composed of one class and field groups.");
                }
            }

            return references;
        }

        private static string SingleClass(JsonObject body, IReadOnlyList<string> references)
        {
            var classes = references.Where(r => XdmLibrary.Standard.ResourceTypeOf(r) == XdmLibrary.Classes).ToList();
            if (classes.Count != 1)
            {
                throw EmulatorError.BadRequest(
                    ErrorCodes.SchemaClassInvalid,
                    classes.Count == 0 ? "allOf names no class; a schema implements exactly one class." : "allOf names " + classes.Count + " classes (" + string.Join(", ", classes) + "); a schema implements exactly one.");
            }

            var metaClass = body["meta:class"];
            if (metaClass != null && JsonFields.Text(metaClass) != classes[0])
            {
                throw EmulatorError.BadRequest(ErrorCodes.SchemaClassInvalid, "meta:class " + metaClass.ToJsonString() + " is not the class the allOf names (" + classes[0] + ").");
            }

            return classes[0];
        }

        private static void CheckFieldGroupsExtend(string classId, IEnumerable<string> fieldGroups)
        {
            foreach (var fieldGroup in fieldGroups)
            {
                var intended = (XdmLibrary.Standard.Find(fieldGroup)!["meta:intendedToExtend"] as JsonArray ?? new JsonArray()).Select(c => (string)c!).ToList();
                if (intended.Count > 0 && !intended.Contains(classId))
                {
                    throw EmulatorError.BadRequest(
                        ErrorCodes.SchemaFieldGroupIncompatible,
                        "Field group " + fieldGroup + " is intended to extend " + string.Join(", ", intended) + ", not the class " + classId + ".");
                }
            }
        }

        private static EmulatorResponse GetTenantSchema(RequestContext context)
        {
            var format = XdmMediaType.ForLookup(context.Request.Header("Accept"));
            var schema = XdmSchemas.FindTenantSchema(context.Sandbox, context.Route("id")) ?? throw NotFound(context.Route("id"));
            return EmulatorResponse.Json(200, Render(schema, format)).WithHeader("ETag", Quoted(schema));
        }

        private static EmulatorResponse GetGlobal(RequestContext context, string resourceType)
        {
            var format = XdmMediaType.ForLookup(context.Request.Header("Accept"));
            var resource = XdmLibrary.Standard.Find(context.Route("id"));
            if (resource is null || (string?)resource["meta:resourceType"] != resourceType)
            {
                throw NotFound(context.Route("id"));
            }

            return EmulatorResponse.Json(200, Render(resource, format));
        }

        private static EmulatorResponse DeleteSchema(RequestContext context)
        {
            var schema = XdmSchemas.FindTenantSchema(context.Sandbox, context.Route("id")) ?? throw NotFound(context.Route("id"));
            var id = (string)schema["$id"]!;
            var users = CatalogService.DataSetsUsing(context.Sandbox, id).ToList();
            if (users.Count > 0)
            {
                throw EmulatorError.Conflict(
                    ErrorCodes.SchemaInUse,
                    "Schema " + id + " cannot be deleted: dataset(s) " + string.Join(", ", users.Select(u => u.Key + " (" + u.Value["name"] + ")")) + " use it. Delete them first.");
            }

            context.Sandbox.Collection(XdmSchemas.Collection).Remove(id);
            return EmulatorResponse.Empty(204);
        }

        private static EmulatorResponse ListTenantSchemas(RequestContext context) =>
            List(context, context.Sandbox.Collection(XdmSchemas.Collection).All, "/tenant/schemas", linkGlobalSchemas: true);

        /// <summary>
        /// A registry listing: <c>orderby</c> (comma-separated, <c>-</c> for descending), then <c>start</c> (resources whose
        /// first sort field is past this value) and <c>limit</c>, which the registry only takes with an <c>orderby</c>.
        /// </summary>
        private static EmulatorResponse List(RequestContext context, IEnumerable<JsonObject> resources, string route, bool linkGlobalSchemas)
        {
            var format = XdmMediaType.ForListing(context.Request.Header("Accept"));
            var query = context.Request;
            var orderBy = query.QueryValue("orderby");
            var start = query.QueryValue("start");
            var limitText = query.QueryValue("limit");
            if (orderBy is null && (start != null || limitText != null))
            {
                throw EmulatorError.BadRequest(ErrorCodes.SchemaListQueryInvalid, "start and limit can only be used together with orderby.");
            }

            var limit = limitText is null ? (int?)null : ParseLimit(limitText);
            var sortFields = SortFields(orderBy ?? "title");
            var primary = sortFields[0].TrimStart('-', '+');
            var descending = sortFields[0].StartsWith("-", StringComparison.Ordinal);
            var filters = query.QueryValues("property").Select(RegistryFilter).ToList();
            var ordered = Sort(resources.Where(r => filters.All(matches => matches(r))), sortFields).ToList();
            if (start != null)
            {
                ordered = ordered.Where(r => Math.Sign(string.CompareOrdinal(SortValue(r, primary), start)) == (descending ? -1 : 1)).ToList();
            }

            var page = limit is int count ? ordered.Take(count).ToList() : ordered;
            var more = ordered.Count > page.Count;
            var next = more && page.Count > 0 ? SortValue(page[page.Count - 1], primary) : null;

            var links = new JsonObject();
            if (next != null)
            {
                links["next"] = new JsonObject { ["href"] = Path + route + "?orderby=" + Uri.EscapeDataString(orderBy!) + "&start=" + Uri.EscapeDataString(next) + "&limit=" + limit };
            }

            if (linkGlobalSchemas)
            {
                links["global_schemas"] = new JsonObject { ["href"] = Path + "/global/schemas" };
            }

            return EmulatorResponse.Json(200, new JsonObject
            {
                ["results"] = new JsonArray(page.Select(r => (JsonNode)(format.Format == "xed-id" ? Summary(r) : Render(r, format))).ToArray()),
                ["_page"] = new JsonObject { ["orderby"] = orderBy ?? "title", ["next"] = next, ["count"] = page.Count },
                ["_links"] = links,
            });
        }

        /// <summary>
        /// A <c>property=</c> filter with the platform's operators. A field holding a list (<c>meta:intendedToExtend</c>)
        /// matches by its items: <c>==</c> when one item equals, <c>!=</c> when none does.
        /// </summary>
        private static Func<JsonObject, bool> RegistryFilter(string expression)
        {
            var scalar = PropertyFilter.Parse(expression, FilterCodes);
            var items = PropertyFilter.Parse(scalar.Path + "[]" + expression.Substring(scalar.Path.Length), FilterCodes);
            return scalar.Operator == "!="
                ? (Func<JsonObject, bool>)(r => scalar.Matches(r) && items.Matches(r))
                : r => scalar.Matches(r) || items.Matches(r);
        }

        /// <summary>The <c>orderby</c> fields, each a name with an optional <c>+</c> or <c>-</c>; an empty or malformed list is a 400.</summary>
        private static List<string> SortFields(string orderBy)
        {
            var fields = orderBy.Split(',').Select(f => f.Trim()).ToList();
            foreach (var field in fields)
            {
                var name = field.Length > 0 && (field[0] == '+' || field[0] == '-') ? field.Substring(1) : field;
                if (name.Length == 0 || !PropertyFilterExpression.IsWellFormedPath(name) || name.IndexOfAny(new[] { '+', '-', '[' }) == 0)
                {
                    throw EmulatorError.BadRequest(ErrorCodes.SchemaListQueryInvalid, "orderby takes field names separated by commas, each optionally after + or -"
                        + " (e.g. title or -version), not '" + Excerpt.Of(orderBy) + "'.");
                }
            }

            return fields;
        }

        private static int ParseLimit(string text) =>
            int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit <= 500
                ? limit
                : throw EmulatorError.BadRequest(ErrorCodes.SchemaListQueryInvalid, "limit must be a whole number between 0 and 500, not '" + text + "'.");

        private static IEnumerable<JsonObject> Sort(IEnumerable<JsonObject> resources, IReadOnlyList<string> fields)
        {
            IOrderedEnumerable<JsonObject>? ordered = null;
            foreach (var field in fields)
            {
                var name = field.TrimStart('-', '+');
                Func<JsonObject, string?> key = r => SortValue(r, name);
                var descending = field.StartsWith("-", StringComparison.Ordinal);
                ordered = ordered is null
                    ? (descending ? resources.OrderByDescending(key, StringComparer.Ordinal) : resources.OrderBy(key, StringComparer.Ordinal))
                    : (descending ? ordered.ThenByDescending(key, StringComparer.Ordinal) : ordered.ThenBy(key, StringComparer.Ordinal));
            }

            return ordered ?? resources;
        }

        private static string? SortValue(JsonObject resource, string field) =>
            resource[field] is JsonValue value ? (value.TryGetValue<string>(out var text) ? text : value.ToJsonString()) : null;

        private static JsonObject Summary(JsonObject resource) => new JsonObject
        {
            ["$id"] = resource["$id"]?.DeepClone(),
            ["meta:altId"] = resource["meta:altId"]?.DeepClone(),
            ["version"] = resource["version"]?.DeepClone(),
            ["title"] = resource["title"]?.DeepClone(),
        };

        /// <summary>The resource as the format asks: composed (<c>allOf</c>) or full (merged <c>properties</c>), with or without field texts.</summary>
        private static JsonObject Render(JsonObject resource, XdmMediaType format)
        {
            var rendered = resource.DeepClone().AsObject();
            if (format.IsFull)
            {
                rendered["properties"] = XdmSchemas.ResolveProperties(resource);
                rendered.Remove("allOf");
                rendered.Remove("definitions");
            }

            if (format.OmitsTitles || format.OmitsDescriptions)
            {
                StripFieldTexts(rendered["properties"] as JsonObject, format);
                foreach (var definition in (rendered["definitions"] as JsonObject ?? new JsonObject()).Select(d => d.Value))
                {
                    StripFieldTexts(definition?["properties"] as JsonObject, format);
                }
            }

            return rendered;
        }

        private static void StripFieldTexts(JsonObject? properties, XdmMediaType format)
        {
            foreach (var field in (properties ?? new JsonObject()).Select(p => p.Value).OfType<JsonObject>())
            {
                StripFieldText(field, format);
            }
        }

        private static void StripFieldText(JsonObject field, XdmMediaType format)
        {
            if (format.OmitsTitles)
            {
                field.Remove("title");
            }

            if (format.OmitsDescriptions)
            {
                field.Remove("description");
            }

            StripFieldTexts(field["properties"] as JsonObject, format);
            foreach (var element in new[] { field["items"], field["additionalProperties"] }.OfType<JsonObject>())
            {
                StripFieldText(element, format);
            }
        }

        private static string RequiredText(JsonObject body, string name) =>
            JsonFields.Text(body[name]) is string text && !string.IsNullOrWhiteSpace(text)
                ? text
                : throw Invalid(name + " is required (a non-empty string).");

        private static EmulatorError Invalid(string detail) => EmulatorError.BadRequest(ErrorCodes.SchemaPayloadInvalid, detail);

        private static EmulatorError NotFound(string id) =>
            new EmulatorError(404, ErrorCodes.SchemaResourceNotFound, "Resource Not Found", "Requested resource " + id + " with version 1 is not found");

        private static string Quoted(JsonObject schema) => "\"" + schema["meta:registryMetadata"]?["eTag"] + "\"";

        /// <summary>A stable id per sandbox name, as the registry reports <c>meta:sandboxId</c>.</summary>
        private static string SandboxId(string sandboxName)
        {
            using (var md5 = MD5.Create())
            {
                return new Guid(md5.ComputeHash(Encoding.UTF8.GetBytes("sandbox:" + sandboxName))).ToString();
            }
        }

        private static string Sha256Hex(string text)
        {
            using (var sha = SHA256.Create())
            {
                return JsonFields.Hex(sha.ComputeHash(Encoding.UTF8.GetBytes(text)));
            }
        }

    }
}
