using System;
using System.Linq;
using System.Text.Json.Nodes;
using PlatformFlow.Emulator.Engine;
using PlatformFlow.JsonSchema;
using PlatformFlow.Shared;

namespace PlatformFlow.Emulator.FlowService
{
    /// <summary>Source connections (what data a flow reads) and target connections (where it lands: the data lake).</summary>
    internal static class ConnectionLinkEndpoints
    {
        /// <summary>Catalog's collection of datasets, keyed by the 24-hex dataset id.</summary>
        public const string DataSetsCollection = "dataSets";

        /// <summary>Schema Registry's collection of tenant schemas, keyed by the schema's <c>$id</c>.</summary>
        public const string SchemasCollection = "schemas";

        /// <summary>
        /// A target connection's <c>data.format</c>: <c>parquet_xdm</c> for the data lake, or a source format (the contract's
        /// TargetConnectionDataDTO names tabular, parquet, json and delimited).
        /// </summary>
        private static readonly string[] TargetFormats = new[] { "parquet_xdm" }.Concat(SourceFormats.All).ToArray();

        public static void Register(EmulatorService service, RouteTable routes)
        {
            RegisterKind(service, routes, ResourceKind.SourceConnection, ValidateSource);
            RegisterKind(service, routes, ResourceKind.TargetConnection, ValidateTarget);
        }

        private static void RegisterKind(EmulatorService service, RouteTable routes, ResourceKind kind, Action<SandboxState, JsonObject> validate)
        {
            routes.Add(service, "GET", kind.ListPath, context => FlowResources.List(context, kind, c => (JsonObject)c.DeepClone(), Array.Empty<string>()));
            routes.Add(service, "POST", kind.ListPath, context =>
            {
                var link = FlowResources.CreateCandidate(context);
                validate(context.Sandbox, link);
                link["state"] = "enabled";
                return FlowResources.Created(kind, FlowResources.Store(context, kind, link));
            });
            routes.Add(service, "GET", kind.ListPath + "/{id}", context => FlowResources.Item((JsonObject)FlowResources.Find(context, kind, context.Route("id")).DeepClone()));
            routes.Add(service, "PATCH", kind.ListPath + "/{id}", context => FlowResources.Patch(context, kind, link => validate(context.Sandbox, link)));
            routes.Add(service, "DELETE", kind.ListPath + "/{id}", context =>
            {
                var id = context.Route("id");
                var flows = kind == ResourceKind.SourceConnection
                    ? FlowResources.FlowsUsing(context.Sandbox, s => s == id, t => false)
                    : FlowResources.FlowsUsing(context.Sandbox, s => false, t => t == id);
                return FlowResources.Delete(context, kind, flows, ErrorCodes.FlowConnectionInUse);
            });
        }

        /// <summary>
        /// A name, a known connection spec, <c>data.format</c> one of tabular, delimited, json, parquet, the base connection
        /// (required when the spec authenticates) of the same spec, params valid against the spec's <c>sourceSpec</c>, and a
        /// <c>params.tableName</c> the source has when its tables are known.
        /// </summary>
        private static void ValidateSource(SandboxState sandbox, JsonObject source)
        {
            Payload.CheckNameAndDescription(source, required: true);
            var spec = Payload.ConnectionSpec(source);
            Payload.RequiredObject(source, "data");
            var format = Payload.RequiredText(source, "data.format");
            if (!SourceFormats.All.Contains(format, StringComparer.Ordinal))
            {
                throw EmulatorError.BadRequest(ErrorCodes.FlowPayloadInvalid, "data.format '" + format + "' is not one of " + string.Join(", ", SourceFormats.All) + " (tabular for table-based sources).");
            }

            var needsBase = (spec["authSpec"] as JsonArray)?.Count > 0;
            LinkBaseConnection(sandbox, source, spec, needsBase);
            var parameters = Payload.OptionalObject(source, "params");
            Payload.CheckAgainstSpec(JsonPaths.First(spec, "sourceSpec.spec"), parameters ?? new JsonObject(), ErrorCodes.FlowPayloadInvalid, "params");
            var tableName = JsonFields.Text(parameters?["tableName"]);
            var tables = SpecCatalog.Instance.Tables((string)spec["id"]!);
            var table = tableName is null ? null : SpecCatalog.Instance.Table((string)spec["id"]!, tableName);
            if (tableName != null && tables != null && table is null)
            {
                throw EmulatorError.BadRequest(ErrorCodes.FlowPayloadInvalid, "params.tableName '" + tableName + "' is not a table of this source; it has "
                    + string.Join(", ", tables.Select(t => (string?)t["path"])) + ".");
            }

            CheckColumns(parameters?["columns"] as JsonArray, table);
        }

        /// <summary>
        /// Each column is an object whose <c>name</c> is a non-empty string and whose <c>type</c> (when given) is a string,
        /// as the contract's columns schema declares them (the spec check's loose types would take a number as its text),
        /// of a type the platform reads (<see cref="PlatformLimits.ColumnTypes"/>) and, when the table is known, is one of its columns.</summary>
        private static void CheckColumns(JsonArray? columns, JsonObject? table)
        {
            var known = (table?["columns"] as JsonArray)?.Select(c => JsonFields.Text(JsonFields.Member(c, "name"))).Where(n => n != null).ToList();
            for (var i = 0; columns != null && i < columns.Count; i++)
            {
                var name = JsonFields.Text(JsonFields.Member(columns[i], "name"));
                var typeNode = JsonFields.Member(columns[i], "type");
                var type = JsonFields.Text(typeNode);
                if (string.IsNullOrEmpty(name))
                {
                    throw EmulatorError.BadRequest(ErrorCodes.FlowPayloadInvalid, "params.columns[" + i + "].name must be a non-empty string, not " + Excerpt.Of(columns[i]?["name"]?.ToJsonString() ?? "null") + ".");
                }

                if (typeNode != null && type is null)
                {
                    throw EmulatorError.BadRequest(ErrorCodes.FlowPayloadInvalid, "params.columns[" + i + "].type must be a string, not " + Excerpt.Of(typeNode.ToJsonString()) + ".");
                }

                if (type != null && PlatformLimits.ColumnTypeProblem(type) is string problem)
                {
                    throw EmulatorError.BadRequest(ErrorCodes.FlowPayloadInvalid, "params.columns[" + i + "].type: " + problem + ".");
                }

                if (known != null && !known.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    throw EmulatorError.BadRequest(ErrorCodes.FlowPayloadInvalid, "params.columns[" + i + "].name '" + Excerpt.Of(name) + "' is not a column of table "
                        + JsonFields.Text(table!["path"]) + "; it has " + string.Join(", ", known) + ".");
                }
            }
        }

        /// <summary>
        /// A known connection spec, <c>data</c> whose <c>format</c> (when given) is a string of <see cref="TargetFormats"/>,
        /// params valid against the spec's <c>targetSpec</c>, <c>params.dataSetId</c> (when given) a string naming a dataset of this sandbox, and <c>data.schema.id</c> a schema of this sandbox, the one the dataset is bound to.
        /// </summary>
        private static void ValidateTarget(SandboxState sandbox, JsonObject target)
        {
            Payload.CheckNameAndDescription(target, required: false);
            var spec = Payload.ConnectionSpec(target);
            Payload.RequiredObject(target, "data");
            if (JsonPaths.First(target, "data.format") is JsonNode format && !TargetFormats.Contains(JsonFields.Text(format) ?? string.Empty, StringComparer.Ordinal))
            {
                throw EmulatorError.BadRequest(ErrorCodes.FlowPayloadInvalid, "data.format " + Excerpt.Of(format.ToJsonString()) + " is not one of " + string.Join(", ", TargetFormats) + ".");
            }

            LinkBaseConnection(sandbox, target, spec, required: false);
            var parameters = Payload.OptionalObject(target, "params");
            Payload.CheckAgainstSpec(JsonPaths.First(spec, "targetSpec.spec"), parameters ?? new JsonObject(), ErrorCodes.FlowPayloadInvalid, "params");
            JsonObject? dataSet = null;
            var dataSetIdNode = parameters?["dataSetId"];
            if (dataSetIdNode != null && JsonFields.Text(dataSetIdNode) is null)
            {
                // The contract's params.dataSetId is a string: -1 names no dataset (the spec check's loose types would take it as "-1").
                throw EmulatorError.BadRequest(ErrorCodes.FlowPayloadInvalid, "params.dataSetId must be a string (a dataset id), not " + Excerpt.Of(dataSetIdNode.ToJsonString()) + ".");
            }

            if (JsonFields.Text(dataSetIdNode) is string dataSetId)
            {
                dataSet = sandbox.Collection(DataSetsCollection).Find(dataSetId)
                    ?? throw EmulatorError.BadRequest(ErrorCodes.FlowReferenceNotFound, "params.dataSetId " + dataSetId + " is not a dataset in sandbox '" + sandbox.Name + "'.");
            }

            if (Payload.OptionalObject(target, "data.schema") is null)
            {
                return;
            }

            var schemaId = Payload.RequiredText(target, "data.schema.id");
            if (!sandbox.Collection(SchemasCollection).Contains(schemaId))
            {
                throw EmulatorError.BadRequest(ErrorCodes.FlowReferenceNotFound, "data.schema.id " + schemaId + " is not a schema in sandbox '" + sandbox.Name + "'.");
            }

            var dataSetSchema = JsonFields.Text(JsonPaths.First(dataSet, "schemaRef.id"));
            if (dataSet != null && dataSetSchema != schemaId)
            {
                throw EmulatorError.BadRequest(ErrorCodes.FlowSchemaMismatch, "data.schema.id " + schemaId + " does not match the schema " + dataSetSchema
                    + " of target dataset " + parameters!["dataSetId"] + ". The same schema must be used in both.");
            }
        }

        /// <summary>Checks <c>baseConnectionId</c> (a base connection of the same connection spec) and records it in <c>inheritedAttributes</c>.</summary>
        private static void LinkBaseConnection(SandboxState sandbox, JsonObject link, JsonObject spec, bool required)
        {
            var baseId = JsonFields.Text(link["baseConnectionId"]);
            if (baseId is null)
            {
                if (required)
                {
                    throw EmulatorError.BadRequest(ErrorCodes.FlowPayloadInvalid, "baseConnectionId is required: connection spec " + spec["id"] + " (" + spec["name"] + ") authenticates through a base connection.");
                }

                return;
            }

            var baseConnection = FlowResources.Find(sandbox, ResourceKind.Connection, baseId)
                ?? throw EmulatorError.BadRequest(ErrorCodes.FlowReferenceNotFound, "baseConnectionId " + baseId + " is not a base connection in sandbox '" + sandbox.Name + "'.");
            var baseSpecId = JsonFields.Text(JsonPaths.First(baseConnection, "connectionSpec.id"));
            if (baseSpecId != (string?)spec["id"])
            {
                throw EmulatorError.BadRequest(ErrorCodes.FlowConnectionSpecMismatch, "connectionSpec.id " + spec["id"] + " does not match connection spec " + baseSpecId
                    + " of base connection " + baseId + ".");
            }

            link["inheritedAttributes"] = new JsonObject
            {
                ["baseConnection"] = new JsonObject { ["id"] = baseId, ["connectionSpec"] = baseConnection["connectionSpec"]?.DeepClone() },
            };
        }
    }
}
