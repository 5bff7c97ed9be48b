using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace PlatformFlow.JsonSchema
{
    /// <summary>
    /// Evaluates JSON Schema draft-07 (the keywords the platform's flow, transformation and auth specs use; see
    /// the project file). A null <see cref="JsonNode"/> stands for JSON null. A schema the evaluator cannot read
    /// (a keyword of the wrong shape, a non-local or dangling <c>$ref</c>) throws <see cref="System.ArgumentException"/>
    /// when evaluation reaches that keyword: schemas are read as the instance needs them, not checked up front.
    /// </summary>
    public static class JsonSchemaEvaluator
    {
        public static SchemaValidationResult Validate(JsonNode? schema, JsonNode? instance, SchemaValidationOptions? options = null)
        {
            var errors = new List<SchemaError>();
            new SchemaValidator(schema, options?.LooseTypes ?? false, options?.AssertFormats ?? false).Validate(schema, instance, InstanceLocation.Root, errors);
            return new SchemaValidationResult(errors);
        }

        /// <summary>
        /// Returns a deep copy of <paramref name="instance"/> with loosely typed scalars converted to the type the
        /// schema declares at their place ("1604961070" becomes 1604961070 where the schema says integer, 0 becomes
        /// "0" where it says string). Follows properties and items only; leaves what it cannot convert unchanged.
        /// </summary>
        public static JsonNode? Coerce(JsonNode? schema, JsonNode? instance) =>
            new SchemaCoercer(schema).Coerce(schema, instance?.DeepClone());
    }
}
