using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PlatformFlow.JsonSchema
{
    /// <summary>The seven type names of the "type" keyword.</summary>
    internal static class JsonTypes
    {
        public const string Integer = "integer";
        public const string Number = "number";
        public const string String = "string";
        public const string Boolean = "boolean";

        private static readonly HashSet<string> Known = new HashSet<string> { "null", Boolean, "object", "array", Number, Integer, String };

        public static bool IsKnown(string typeName) => Known.Contains(typeName);

        public static bool Matches(string typeName, JsonNode? node)
        {
            var kind = JsonValues.KindOf(node);
            switch (typeName)
            {
                case "null": return kind == JsonValueKind.Null;
                case Boolean: return kind == JsonValueKind.True || kind == JsonValueKind.False;
                case "object": return kind == JsonValueKind.Object;
                case "array": return kind == JsonValueKind.Array;
                case String: return kind == JsonValueKind.String;
                case Number: return kind == JsonValueKind.Number;
                // Draft-07 counts any number with a zero fractional part (1.0) as an integer.
                case Integer: return JsonNumber.TryRead(node, out var number) && number.IsInteger;
                default: return false;
            }
        }

        public static bool MatchesAny(IReadOnlyList<string> typeNames, JsonNode? node) => typeNames.Any(typeName => Matches(typeName, node));

        /// <summary>"an integer", "a string or null", "an object, an array or null".</summary>
        public static string Describe(IReadOnlyList<string> typeNames)
        {
            var phrases = typeNames.Select(WithArticle).ToList();
            return phrases.Count == 1
                ? phrases[0]
                : string.Join(", ", phrases.Take(phrases.Count - 1)) + " or " + phrases[phrases.Count - 1];
        }

        private static string WithArticle(string typeName) =>
            typeName == "null" ? typeName
            : typeName == Integer || typeName == "object" || typeName == "array" ? "an " + typeName
            : "a " + typeName;
    }
}
