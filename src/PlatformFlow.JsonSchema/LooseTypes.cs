using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PlatformFlow.JsonSchema
{
    /// <summary>
    /// The scalar conversions of <see cref="SchemaValidationOptions.LooseTypes"/> and <see cref="JsonSchemaEvaluator.Coerce"/>,
    /// after the networknt validator's typeLoose: digit strings to integers, numeric strings to numbers, "true"/"false"
    /// to booleans, numbers and booleans to strings.
    /// </summary>
    internal static class LooseTypes
    {
        private static readonly Regex IntegerText = new Regex(@"^-?[0-9]+\z", RegexOptions.CultureInvariant);
        private static readonly Regex NumberText = new Regex(@"^-?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?\z", RegexOptions.CultureInvariant);

        /// <summary>
        /// The instance converted to the first declared type it converts to; the instance itself when it already has
        /// one of the types, when no type is declared, or when it converts to none.
        /// </summary>
        public static JsonNode? ConvertToDeclaredType(JsonNode? instance, IReadOnlyList<string> declaredTypes)
        {
            if (declaredTypes.Count == 0 || JsonTypes.MatchesAny(declaredTypes, instance))
            {
                return instance;
            }

            foreach (var typeName in declaredTypes)
            {
                if (TryConvert(instance, typeName, out var converted))
                {
                    return converted;
                }
            }

            return instance;
        }

        /// <summary>A number, or a string that reads as one.</summary>
        public static bool TryReadNumber(JsonNode? instance, out JsonNumber number) =>
            JsonNumber.TryRead(instance, out number)
            || (JsonValues.TryGetString(instance, out var text) && NumberText.IsMatch(text) && JsonNumber.TryParse(text, out number));

        private static bool TryConvert(JsonNode? instance, string typeName, out JsonNode? converted)
        {
            converted = null;
            var kind = JsonValues.KindOf(instance);
            switch (typeName)
            {
                case JsonTypes.Integer:
                case JsonTypes.Number:
                    var pattern = typeName == JsonTypes.Integer ? IntegerText : NumberText;
                    if (JsonValues.TryGetString(instance, out var numeric) && pattern.IsMatch(numeric) && JsonNumber.TryParse(numeric, out var number))
                    {
                        converted = number.ToNode();
                        return true;
                    }

                    return false;
                case JsonTypes.Boolean:
                    if (JsonValues.TryGetString(instance, out var flag) && (flag == "true" || flag == "false"))
                    {
                        converted = JsonValue.Create(flag == "true");
                        return true;
                    }

                    return false;
                case JsonTypes.String:
                    if (kind == JsonValueKind.Number || kind == JsonValueKind.True || kind == JsonValueKind.False)
                    {
                        converted = JsonValue.Create(instance!.ToJsonString());
                        return true;
                    }

                    return false;
                default:
                    return false;
            }
        }
    }
}
