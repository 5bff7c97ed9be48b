using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PlatformFlow.Emulator.Engine
{
    /// <summary>Readings of JSON scalars and the order of sort keys (list filters compare through <see cref="PlatformFlow.JsonSchema.PropertyFilterExpression"/>).</summary>
    public static class JsonValues
    {
        /// <summary>A total order for sort keys: missing first, then booleans, numbers, strings (case-insensitive, then ordinal), then objects and arrays (all equal).</summary>
        public static int CompareNodes(JsonNode? left, JsonNode? right)
        {
            var byRank = Rank(left).CompareTo(Rank(right));
            if (byRank != 0 || !(left is JsonValue a) || !(right is JsonValue b))
            {
                // Different kinds, or both missing, or both objects or arrays (which have no order among themselves).
                return byRank;
            }

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

        /// <summary>The number a JSON number holds, or null for anything else.</summary>
        public static double? AsDouble(JsonNode? node) =>
            node is JsonValue value && value.GetValueKind() == JsonValueKind.Number ? AsDouble(value) : (double?)null;

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
