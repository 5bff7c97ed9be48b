using System.Linq;
using System.Text.Json.Nodes;
using PlatformFlow.Emulator.Engine;
using PlatformFlow.JsonSchema;

namespace PlatformFlow.Emulator.FlowService
{
    /// <summary>Checks of request payloads: required members, and params against the JSON Schemas of the specs.</summary>
    internal static class Payload
    {
        private static readonly SchemaValidationOptions Loose = new SchemaValidationOptions { LooseTypes = true };

        /// <summary>The non-empty string at the dotted <paramref name="path"/>, or a 400 naming it.</summary>
        public static string RequiredText(JsonObject body, string path)
        {
            var text = JsonFields.Text(JsonPaths.First(body, path));
            return string.IsNullOrWhiteSpace(text)
                ? throw EmulatorError.BadRequest(ErrorCodes.FlowPayloadInvalid, path + " is required (a non-empty string).")
                : text!;
        }

        /// <summary>
        /// <c>name</c> (when <paramref name="required"/>, or when present) is text the platform stores and lists: 1 to 256
        /// characters with no spaces around it; <c>description</c>, when present, is text. Anything else is a 400, so no
        /// resource a client cannot read is ever stored.
        /// </summary>
        public static void CheckNameAndDescription(JsonObject body, bool required)
        {
            var name = body["name"];
            if (name != null || required)
            {
                var problem = JsonFields.Text(name) is string text ? PlatformLimits.NameProblem(text) : "name must be text";
                if (problem != null)
                {
                    throw EmulatorError.BadRequest(ErrorCodes.FlowPayloadInvalid, "name: " + problem + ".");
                }
            }

            if (body["description"] != null && JsonFields.Text(body["description"]) is null)
            {
                throw EmulatorError.BadRequest(ErrorCodes.FlowPayloadInvalid, "description must be text.");
            }
        }

        public static JsonObject RequiredObject(JsonObject body, string path) =>
            JsonPaths.First(body, path) as JsonObject ?? throw EmulatorError.BadRequest(ErrorCodes.FlowPayloadInvalid, path + " is required (a JSON object).");

        /// <summary>An optional member that, when present, must be a JSON object.</summary>
        public static JsonObject? OptionalObject(JsonObject body, string path)
        {
            var node = JsonPaths.First(body, path);
            return node is null || node is JsonObject
                ? (JsonObject?)node
                : throw EmulatorError.BadRequest(ErrorCodes.FlowPayloadInvalid, path + " must be a JSON object.");
        }

        /// <summary>
        /// Validates <paramref name="instance"/> against a spec's JSON Schema, with loose scalar types as the platform accepts
        /// them ("1604961070" for an integer); a 400 with <paramref name="code"/> lists every violation under <paramref name="subject"/>.
        /// </summary>
        public static void CheckAgainstSpec(JsonNode? schema, JsonNode? instance, string code, string subject)
        {
            if (schema is null)
            {
                return;
            }

            var result = JsonSchemaEvaluator.Validate(schema, instance, Loose);
            if (!result.IsValid)
            {
                throw EmulatorError.BadRequest(code, subject + " does not match its spec: "
                    + string.Join("; ", result.Errors.Select(e => subject + e.InstancePath.Replace('/', '.').TrimEnd('.') + " (" + e.Keyword + "): " + e.Message)) + ".");
            }
        }

        /// <summary><see cref="CheckAgainstSpec"/>, then the instance converted to the declared types (what is stored).</summary>
        public static JsonNode? CheckAndCoerce(JsonNode? schema, JsonNode? instance, string code, string subject)
        {
            CheckAgainstSpec(schema, instance, code, subject);
            return schema is null ? instance?.DeepClone() : JsonSchemaEvaluator.Coerce(schema, instance);
        }

        /// <summary>The connection spec a payload names at <c>connectionSpec.id</c> (and <c>version</c>, when given), or a 400.</summary>
        public static JsonObject ConnectionSpec(JsonObject body)
        {
            var id = RequiredText(body, "connectionSpec.id");
            var spec = SpecCatalog.Instance.ConnectionSpec(id)
                ?? throw EmulatorError.BadRequest(ErrorCodes.FlowSpecNotFound, "The connection spec ID " + id + " (connectionSpec.id) is invalid. Please provide a valid spec ID and try again.");
            RequireSpecVersion(body, "connectionSpec", spec);
            return spec;
        }

        /// <summary>A given <c>{member}.version</c> must be the spec's; omitted means the current one, as on the platform.</summary>
        public static void RequireSpecVersion(JsonObject body, string member, JsonObject spec)
        {
            var version = JsonPaths.First(body, member + ".version");
            if (version != null && JsonValues.ScalarText(version) != (string?)spec["version"])
            {
                throw EmulatorError.BadRequest(ErrorCodes.FlowSpecNotFound, member + ".version " + version.ToJsonString() + " does not exist for spec " + spec["id"] + " (its version is " + spec["version"] + ").");
            }
        }
    }
}
