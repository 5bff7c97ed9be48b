using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PlatformFlow.Emulator.Engine
{
    /// <summary>Comparisons of JSON scalars, shared by list filters (node against query text) and sorting (node against node).</summary>
    public static class JsonValues
    {
        /// <summary>
        /// Compares a JSON scalar with the text of a query value: numbers numerically, booleans as booleans, strings without
        /// regard to case (the platform's guides filter <c>status==Failed</c> on values stored as <c>failed</c>). Null when the
        /// two cannot be compared (an object, or a number against text that is not one).
        /// </summary>
        public static int? CompareWithText(JsonNode node, string text)
        {
            if (!(node is JsonValue value))
            {
                return null;
            }

            switch (value.GetValueKind())
            {
                case JsonValueKind.Number:
                    return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                        ? AsDouble(value).CompareTo(number)
                        : (int?)null;
                case JsonValueKind.True:
                case JsonValueKind.False:
                    return bool.TryParse(text, out var flag) ? (value.GetValueKind() == JsonValueKind.True).CompareTo(flag) : (int?)null;
                case JsonValueKind.String:
                    return Math.Sign(string.Compare(value.GetValue<string>(), text, StringComparison.OrdinalIgnoreCase));
                default:
                    return null;
            }
        }

        /// <summary>A total order for sort keys: missing first, then booleans, numbers, strings (case-insensitive, then ordinal).</summary>
        public static int CompareNodes(JsonNode? left, JsonNode? right)
        {
            var byRank = Rank(left).CompareTo(Rank(right));
            if (byRank != 0 || left is null || right is null)
            {
                return byRank;
            }

            var a = (JsonValue)left;
            var b = (JsonValue)right;
            switch (a.GetValueKind())
            {
                case JsonValueKind.Number:
                    return AsDouble(a).CompareTo(AsDouble(b));
                case JsonValueKind.String:
                    var text = string.Compare(a.GetValue<string>(), b.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
                    return text != 0 ? text : string.CompareOrdinal(a.GetValue<string>(), b.GetValue<string>());
                case JsonValueKind.True:
                case JsonValueKind.False:
                    return (a.GetValueKind() == JsonValueKind.True).CompareTo(b.GetValueKind() == JsonValueKind.True);
                default:
                    return 0;
            }
        }

        /// <summary>The string of a JSON string, or the literal text of any other scalar (numbers, booleans); null otherwise.</summary>
        public static string? ScalarText(JsonNode? node)
        {
            if (!(node is JsonValue value))
            {
                return null;
            }

            return value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
        }

        /// <summary>The whole number a JSON number holds (however the node was built), or null for anything else.</summary>
        public static long? AsLong(JsonNode? node) =>
            node is JsonValue value && value.GetValueKind() == JsonValueKind.Number
                && long.TryParse(value.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
                ? number
                : (long?)null;

        private static double AsDouble(JsonValue value) => double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

        private static int Rank(JsonNode? node)
        {
            if (!(node is JsonValue value))
            {
                return node is null ? 0 : 4;
            }

            switch (value.GetValueKind())
            {
                case JsonValueKind.True:
                case JsonValueKind.False:
                    return 1;
                case JsonValueKind.Number:
                    return 2;
                default:
                    return 3;
            }
        }
    }
}
