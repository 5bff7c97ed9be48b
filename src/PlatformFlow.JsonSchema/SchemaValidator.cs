using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PlatformFlow.JsonSchema
{
    /// <summary>One validation run: walks the schema and the instance together and collects the broken rules.</summary>
    internal sealed partial class SchemaValidator
    {
        private readonly SchemaReferences references;
        private readonly bool looseTypes;
        private readonly bool assertFormats;

        public SchemaValidator(JsonNode? rootSchema, bool looseTypes, bool assertFormats)
        {
            references = new SchemaReferences(rootSchema);
            this.looseTypes = looseTypes;
            this.assertFormats = assertFormats;
        }

        public void Validate(JsonNode? schema, JsonNode? instance, InstanceLocation location, List<SchemaError> errors)
        {
            switch (schema)
            {
                case JsonObject keywords:
                    ValidateKeywords(keywords, instance, location, errors);
                    return;
                case JsonValue flag when flag.GetValueKind() == JsonValueKind.True:
                    return;
                case JsonValue flag when flag.GetValueKind() == JsonValueKind.False:
                    errors.Add(Error(location, "false", "no value is allowed here"));
                    return;
                default:
                    throw new ArgumentException("A schema must be an object, true or false, not " + JsonValues.Describe(schema) + ".", nameof(schema));
            }
        }

        private List<SchemaError> Collect(JsonNode? schema, JsonNode? instance, InstanceLocation location)
        {
            var errors = new List<SchemaError>();
            Validate(schema, instance, location, errors);
            return errors;
        }

        private bool IsValid(JsonNode? schema, JsonNode? instance, InstanceLocation location) =>
            Collect(schema, instance, location).Count == 0;

        private static SchemaError Error(InstanceLocation location, string keyword, string rule) =>
            new SchemaError(location.Pointer, keyword, location.Describe(rule));

        private void ValidateKeywords(JsonObject schema, JsonNode? instance, InstanceLocation location, List<SchemaError> errors)
        {
            // Draft-07 ignores every keyword beside "$ref".
            if (schema.TryGetPropertyValue("$ref", out var reference))
            {
                errors.AddRange(references.Follow(reference, location, target => Collect(target, instance, location)));
                return;
            }

            var declaredTypes = SchemaKeywords.DeclaredTypes(schema);
            var value = looseTypes ? LooseTypes.ConvertToDeclaredType(instance, declaredTypes) : instance;
            if (declaredTypes.Count > 0 && !JsonTypes.MatchesAny(declaredTypes, value))
            {
                errors.Add(Error(location, "type", Shown(schema, value) + " is not " + JsonTypes.Describe(declaredTypes)));
            }

            CheckEnumAndConst(schema, value, location, errors);
            CheckNumber(schema, value, location, errors);
            CheckString(schema, value, location, errors);
            CheckArray(schema, value, location, errors);
            CheckObject(schema, value, location, errors);
            CheckCombinators(schema, value, location, errors);
            CheckCondition(schema, value, location, errors);
        }

        private static void CheckEnumAndConst(JsonObject schema, JsonNode? value, InstanceLocation location, List<SchemaError> errors)
        {
            var allowed = SchemaKeywords.Array(schema, "enum", nonEmpty: true);
            if (allowed != null && !allowed.Any(candidate => JsonValues.DeepEquals(candidate, value)))
            {
                errors.Add(Error(location, "enum", Shown(schema, value) + " is not one of " + JsonValues.List(allowed)));
            }

            if (schema.TryGetPropertyValue("const", out var required) && !JsonValues.DeepEquals(required, value))
            {
                errors.Add(Error(location, "const", Shown(schema, value) + " must be " + JsonValues.Describe(required)));
            }
        }

        private void CheckNumber(JsonObject schema, JsonNode? value, InstanceLocation location, List<SchemaError> errors)
        {
            // Loose, numeric rules also read numeric strings: sub-schemas such as the scheduleSpec's
            // "else": {"properties": {"interval": {"minimum": 15}}} declare no type that would convert them first.
            var isNumber = looseTypes ? LooseTypes.TryReadNumber(value, out var number) : JsonNumber.TryRead(value, out number);
            if (!isNumber)
            {
                return;
            }

            CheckLimit(schema, "minimum", number, comparison => comparison < 0, "is less than the minimum of", location, errors);
            CheckLimit(schema, "maximum", number, comparison => comparison > 0, "is greater than the maximum of", location, errors);
            CheckLimit(schema, "exclusiveMinimum", number, comparison => comparison <= 0, "must be greater than", location, errors);
            CheckLimit(schema, "exclusiveMaximum", number, comparison => comparison >= 0, "must be less than", location, errors);

            const string MultipleOf = "multipleOf";
            var divisor = SchemaKeywords.Number(schema, MultipleOf);
            if (divisor.HasValue && !divisor.Value.IsPositive)
            {
                throw SchemaKeywords.Invalid(MultipleOf, "a number greater than 0");
            }

            if (divisor.HasValue && !number.IsMultipleOf(divisor.Value))
            {
                errors.Add(Error(location, MultipleOf, number.Text + " is not a multiple of " + divisor.Value.Text));
            }
        }

        private static void CheckLimit(
            JsonObject schema, string keyword, JsonNumber number, Func<int, bool> breaks, string rule, InstanceLocation location, List<SchemaError> errors)
        {
            var limit = SchemaKeywords.Number(schema, keyword);
            if (limit.HasValue && breaks(number.CompareTo(limit.Value)))
            {
                errors.Add(Error(location, keyword, number.Text + " " + rule + " " + limit.Value.Text));
            }
        }

        private void CheckString(JsonObject schema, JsonNode? value, InstanceLocation location, List<SchemaError> errors)
        {
            if (!JsonValues.TryGetString(value, out var text))
            {
                return;
            }

            var length = JsonValues.CountCodePoints(text);
            var minLength = SchemaKeywords.Count(schema, "minLength");
            if (length < minLength)
            {
                errors.Add(Error(location, "minLength", Shown(schema, value) + " has " + Plural(length, "character") + ", fewer than the minimum of " + minLength));
            }

            var maxLength = SchemaKeywords.Count(schema, "maxLength");
            if (length > maxLength)
            {
                errors.Add(Error(location, "maxLength", Shown(schema, value) + " has " + Plural(length, "character") + ", more than the maximum of " + maxLength));
            }

            const string Pattern = "pattern";
            var pattern = SchemaKeywords.Text(schema, Pattern);
            if (pattern != null && !EcmaScriptRegex.IsMatch(Pattern, pattern, text))
            {
                errors.Add(Error(location, Pattern, Shown(schema, value) + " does not match the pattern " + pattern));
            }

            const string Format = "format";
            var format = assertFormats ? SchemaKeywords.Text(schema, Format) : null;
            if (format != null && !StringFormats.IsValid(format, text))
            {
                errors.Add(Error(location, Format, Shown(schema, value) + " is not a valid " + format));
            }
        }

        /// <summary>
        /// The value as an error message may show it: never the content of a secret (<c>"format": "password"</c> or
        /// <c>writeOnly</c>), whatever its type, only what kind of value it is.
        /// </summary>
        private static string Shown(JsonObject schema, JsonNode? value)
        {
            var secret = (schema["format"] is JsonValue format && format.TryGetValue<string>(out var name) && name == "password")
                || (schema["writeOnly"] is JsonValue flag && flag.GetValueKind() == JsonValueKind.True);
            return secret ? "the secret value (" + JsonValues.KindOf(value).ToString().ToLowerInvariant() + ", not shown)" : JsonValues.Describe(value);
        }

        private static string Plural(int count, string noun) => count + " " + noun + (count == 1 ? string.Empty : "s");
    }
}
