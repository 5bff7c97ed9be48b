using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using PlatformFlow.Emulator.DataPrep.Expressions;
using PlatformFlow.Emulator.Engine;
using PlatformFlow.Emulator.SchemaRegistry;

namespace PlatformFlow.Emulator.DataPrep
{
    /// <summary>
    /// A mapping set as a client sends it, read from either format and checked against its output schema. The current
    /// format has <c>outputSchema.schemaRef</c> and <c>mappings[{sourceType, source, destination}]</c>; the tutorials' older
    /// one has <c>xdmSchema</c>, <c>xdmVersion</c> and <c>mappings[{sourceAttribute, destinationXdmPath, identity}]</c>.
    /// Both are kept in the current format.
    /// </summary>
    internal sealed class MappingSetRequest
    {
        private static readonly string[] SourceTypes = { "ATTRIBUTE", "EXPRESSION", "STATIC" };

        private MappingSetRequest(JsonObject schema, JsonObject outputSchema, IReadOnlyList<JsonObject> mappings, JsonObject body)
        {
            Schema = schema;
            OutputSchema = outputSchema;
            Mappings = mappings;
            Name = JsonFields.Text(body["name"]);
            InputSchema = body["inputSchema"] as JsonObject;
        }

        /// <summary>The stored tenant schema the mappings write to.</summary>
        public JsonObject Schema { get; }

        /// <summary><c>{schemaRef: {id, contentType}}</c>, the id being the schema's <c>$id</c>.</summary>
        public JsonObject OutputSchema { get; }

        /// <summary>Each <c>{sourceType, source, destination}</c> plus <c>name</c>, <c>description</c>, <c>identity</c> when sent.</summary>
        public IReadOnlyList<JsonObject> Mappings { get; }

        public string? Name { get; }

        public JsonObject? InputSchema { get; }

        /// <summary>The request body as a mapping set; its destinations must be fields of the schema and its expressions valid.</summary>
        public static MappingSetRequest Read(RequestContext context) => Read(context.Sandbox, context.BodyObject(), strict: true);

        /// <param name="strict">
        /// False for validate and preview, which report unknown destinations and bad expressions per mapping instead of
        /// refusing the whole request.
        /// </param>
        public static MappingSetRequest Read(SandboxState sandbox, JsonObject body, bool strict)
        {
            var legacy = body.ContainsKey("xdmSchema");
            if (legacy && body.ContainsKey("outputSchema"))
            {
                throw Invalid("The body mixes the two mapping set formats: send outputSchema (current) or xdmSchema (older), not both.");
            }

            var schemaId = legacy ? JsonFields.Text(body["xdmSchema"]) : JsonFields.Text(JsonFields.Member(JsonFields.Member(body["outputSchema"], "schemaRef"), "id"));
            if (string.IsNullOrWhiteSpace(schemaId))
            {
                throw Invalid(legacy ? "xdmSchema is required: the $id of the target XDM schema." : "outputSchema.schemaRef.id is required: the $id of the target XDM schema.");
            }

            var contentType = legacy
                ? "application/vnd.adobe.xed-full+json;version=" + MajorVersion(JsonFields.Text(body["xdmVersion"]) ?? "1.0")
                : JsonFields.Text(JsonFields.Member(JsonFields.Member(body["outputSchema"], "schemaRef"), "contentType"));
            if (!XdmMediaType.IsSchemaReference(contentType))
            {
                throw Invalid(legacy
                    ? "xdmVersion '" + JsonFields.Text(body["xdmVersion"]) + "' is not a schema version the registry serves (1.x)."
                    : "outputSchema.schemaRef.contentType " + (contentType is null ? "is missing" : "'" + contentType + "' is not an XDM schema format") + "; use e.g. application/vnd.adobe.xed-full+json;version=1.");
            }

            var schema = XdmSchemas.FindTenantSchema(sandbox, schemaId!)
                ?? throw EmulatorError.BadRequest(ErrorCodes.MappingSetSchemaNotFound, "The output schema " + schemaId + " is not a schema in sandbox " + sandbox.Name + ".");
            var mappings = ReadMappings(body["mappings"], legacy);
            if (strict)
            {
                CheckDestinations(schema, mappings);
                CheckExpressions(mappings);
            }

            var outputSchema = new JsonObject { ["schemaRef"] = new JsonObject { ["id"] = schema["$id"]!.DeepClone(), ["contentType"] = contentType } };
            return new MappingSetRequest(schema, outputSchema, mappings, body);
        }

        private static List<JsonObject> ReadMappings(JsonNode? node, bool legacy)
        {
            if (!(node is JsonArray items) || items.Count == 0)
            {
                throw Invalid("mappings is required: a non-empty list of mappings.");
            }

            return items.Select((item, index) => item is JsonObject mapping
                    ? (legacy ? FromLegacy(mapping, index) : Current(mapping, index))
                    : throw Invalid("mappings[" + index + "] must be an object."))
                .ToList();
        }

        private static JsonObject Current(JsonObject mapping, int index)
        {
            var sourceType = JsonFields.Text(mapping["sourceType"]);
            if (Array.IndexOf(SourceTypes, sourceType) < 0)
            {
                throw Invalid("mappings[" + index + "].sourceType must be one of " + string.Join(", ", SourceTypes) + ", not " + (mapping["sourceType"]?.ToJsonString() ?? "nothing") + ".");
            }

            var converted = new JsonObject
            {
                ["sourceType"] = sourceType,
                ["source"] = Required(mapping, "source", index, allowEmpty: sourceType == "STATIC"),
                ["destination"] = Required(mapping, "destination", index, allowEmpty: false),
            };
            foreach (var optional in new[] { "name", "description" })
            {
                if (JsonFields.Text(mapping[optional]) is string text)
                {
                    converted[optional] = text;
                }
            }

            return converted;
        }

        private static JsonObject FromLegacy(JsonObject mapping, int index)
        {
            var converted = new JsonObject
            {
                ["sourceType"] = "ATTRIBUTE",
                ["source"] = Required(mapping, "sourceAttribute", index, allowEmpty: false),
                ["destination"] = Required(mapping, "destinationXdmPath", index, allowEmpty: false),
            };
            if (mapping["identity"] is JsonValue identity && identity.TryGetValue<bool>(out var isIdentity))
            {
                converted["identity"] = isIdentity;
            }

            return converted;
        }

        private static string Required(JsonObject mapping, string field, int index, bool allowEmpty)
        {
            var text = JsonFields.Text(mapping[field]);
            return text != null && (allowEmpty || text.Trim().Length > 0)
                ? text
                : throw Invalid("mappings[" + index + "]." + field + " is required (a" + (allowEmpty ? "" : " non-empty") + " string).");
        }

        private static void CheckDestinations(JsonObject schema, IReadOnlyList<JsonObject> mappings)
        {
            var fields = XdmSchemas.FieldPaths(schema);
            for (var i = 0; i < mappings.Count; i++)
            {
                var destination = (string)mappings[i]["destination"]!;
                if (!fields.Accepts(destination))
                {
                    throw EmulatorError.BadRequest(
                        ErrorCodes.MappingDestinationUnknown,
                        "mappings[" + i + "] maps to '" + destination + "', which is not a field of schema " + schema["$id"] + ". Its fields: " + string.Join(", ", fields.Leaves) + ".");
                }
            }
        }

        private static void CheckExpressions(IReadOnlyList<JsonObject> mappings)
        {
            for (var i = 0; i < mappings.Count; i++)
            {
                if ((string?)mappings[i]["sourceType"] != "EXPRESSION")
                {
                    continue;
                }

                try
                {
                    ElExpression.Parse((string)mappings[i]["source"]!);
                }
                catch (ExpressionException ex)
                {
                    throw EmulatorError.BadRequest(ErrorCodes.MappingExpressionInvalid, "mappings[" + i + "] (to '" + mappings[i]["destination"] + "'): " + ex.Message + ".");
                }
            }
        }

        private static string MajorVersion(string version)
        {
            var dot = version.IndexOf('.');
            return dot < 0 ? version : version.Substring(0, dot);
        }

        private static EmulatorError Invalid(string detail) => EmulatorError.BadRequest(ErrorCodes.MappingSetPayloadInvalid, detail);
    }
}
