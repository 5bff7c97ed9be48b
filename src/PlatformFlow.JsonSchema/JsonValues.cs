using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PlatformFlow.JsonSchema
{
    /// <summary>Reading instance values the way JSON Schema sees them.</summary>
    internal static class JsonValues
    {
        private const int LongestQuotedValue = 60;

        public static JsonValueKind KindOf(JsonNode? node) => node?.GetValueKind() ?? JsonValueKind.Null;

        public static bool TryGetString(JsonNode? node, out string text)
        {
            if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.TryGetValue<string>(out var read))
            {
                text = read;
                return true;
            }

            text = string.Empty;
            return false;
        }

        /// <summary>JSON Schema equality: numbers by value, objects regardless of member order.</summary>
        public static bool DeepEquals(JsonNode? left, JsonNode? right)
        {
            var kind = KindOf(left);
            if (kind != KindOf(right))
            {
                return false;
            }

            switch (kind)
            {
                case JsonValueKind.Number:
                    return JsonNumber.TryRead(left, out var leftNumber)
                        && JsonNumber.TryRead(right, out var rightNumber)
                        && leftNumber.CompareTo(rightNumber) == 0;
                case JsonValueKind.String:
                    TryGetString(left, out var leftText);
                    TryGetString(right, out var rightText);
                    return leftText == rightText;
                case JsonValueKind.Array:
                    var leftItems = (JsonArray)left!;
                    var rightItems = (JsonArray)right!;
                    return leftItems.Count == rightItems.Count
                        && leftItems.Zip(rightItems, (l, r) => (l, r)).All(pair => DeepEquals(pair.l, pair.r));
                case JsonValueKind.Object:
                    var leftMembers = (JsonObject)left!;
                    var rightMembers = (JsonObject)right!;
                    return leftMembers.Count == rightMembers.Count
                        && leftMembers.All(member => rightMembers.TryGetPropertyValue(member.Key, out var other) && DeepEquals(member.Value, other));
                default:
                    // null, true and false carry no value beyond their kind.
                    return true;
            }
        }

        /// <summary>The length JSON Schema means: Unicode code points, so a surrogate pair counts once.</summary>
        public static int CountCodePoints(string text)
        {
            var count = 0;
            for (var i = 0; i < text.Length; i++)
            {
                if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                }

                count++;
            }

            return count;
        }

        /// <summary>A value as a message shows it: strings quoted, long values shortened.</summary>
        public static string Describe(JsonNode? node)
        {
            if (TryGetString(node, out var text))
            {
                return "'" + Shorten(text) + "'";
            }

            return node is null ? "null" : Shorten(node.ToJsonString());
        }

        /// <summary>Lists values for a message ("once, minute, hour"): strings bare, the rest as JSON.</summary>
        public static string List(IEnumerable<JsonNode?> nodes) =>
            string.Join(", ", nodes.Select(node => TryGetString(node, out var text) ? text : node?.ToJsonString() ?? "null"));

        private static string Shorten(string text) =>
            text.Length <= LongestQuotedValue ? text : text.Substring(0, LongestQuotedValue) + "…";
    }
}
