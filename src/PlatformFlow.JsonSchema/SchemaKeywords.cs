using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PlatformFlow.JsonSchema
{
    /// <summary>
    /// Reads keyword values from a schema object. A keyword of the wrong shape is a broken schema, reported as an
    /// <see cref="ArgumentException"/> rather than silently skipped, so a typo in a spec does not disable a rule.
    /// </summary>
    internal static class SchemaKeywords
    {
        private static readonly IReadOnlyList<string> NoStrings = new string[0];

        public static ArgumentException Invalid(string keyword, string requirement, Exception? cause = null) =>
            new ArgumentException("The schema keyword '" + keyword + "' must be " + requirement + ".", "schema", cause);

        public static JsonNumber? Number(JsonObject schema, string keyword)
        {
            if (!schema.TryGetPropertyValue(keyword, out var node))
            {
                return null;
            }

            return JsonNumber.TryRead(node, out var number) ? number : throw Invalid(keyword, "a number");
        }

        public static int? Count(JsonObject schema, string keyword)
        {
            var number = Number(schema, keyword);
            if (number is null)
            {
                return null;
            }

            return number.Value.TryGetCount(out var count) ? count : throw Invalid(keyword, "a non-negative integer");
        }

        public static bool Flag(JsonObject schema, string keyword)
        {
            if (!schema.TryGetPropertyValue(keyword, out var node))
            {
                return false;
            }

            switch (JsonValues.KindOf(node))
            {
                case JsonValueKind.True: return true;
                case JsonValueKind.False: return false;
                default: throw Invalid(keyword, "true or false");
            }
        }

        public static string? Text(JsonObject schema, string keyword)
        {
            if (!schema.TryGetPropertyValue(keyword, out var node))
            {
                return null;
            }

            return JsonValues.TryGetString(node, out var text) ? text : throw Invalid(keyword, "a string");
        }

        public static JsonArray? Array(JsonObject schema, string keyword, bool nonEmpty)
        {
            if (!schema.TryGetPropertyValue(keyword, out var node))
            {
                return null;
            }

            return node is JsonArray array && (array.Count > 0 || !nonEmpty)
                ? array
                : throw Invalid(keyword, nonEmpty ? "a non-empty array" : "an array");
        }

        /// <summary>The member schemas of properties and patternProperties.</summary>
        public static JsonObject? Object(JsonObject schema, string keyword)
        {
            if (!schema.TryGetPropertyValue(keyword, out var node))
            {
                return null;
            }

            return node as JsonObject ?? throw Invalid(keyword, "an object");
        }

        /// <summary>The names in "required".</summary>
        public static IReadOnlyList<string> Names(JsonObject schema, string keyword)
        {
            var array = Array(schema, keyword, nonEmpty: false);
            if (array is null)
            {
                return NoStrings;
            }

            return array.Select(node => JsonValues.TryGetString(node, out var name) ? name : throw Invalid(keyword, "an array of strings")).ToList();
        }

        /// <summary>The names in "type" (a string or an array of strings); empty when the schema declares no type.</summary>
        public static IReadOnlyList<string> DeclaredTypes(JsonObject schema)
        {
            const string Keyword = "type";
            if (!schema.TryGetPropertyValue(Keyword, out var node))
            {
                return NoStrings;
            }

            var names = node is JsonArray array
                ? array.Select(item => JsonValues.TryGetString(item, out var name) ? name : null).ToList()
                : new List<string?> { JsonValues.TryGetString(node, out var name) ? name : null };
            return names.All(name => name != null && JsonTypes.IsKnown(name))
                ? names.Select(name => name!).ToList()
                : throw Invalid(Keyword, "one of null, boolean, object, array, number, integer, string, or an array of them");
        }
    }
}
