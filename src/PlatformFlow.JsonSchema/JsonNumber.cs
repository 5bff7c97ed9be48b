using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PlatformFlow.JsonSchema
{
    /// <summary>
    /// A JSON number compared by value (1 equals 1.0). Held as a decimal where that is exact enough, so integers up to
    /// 28 digits and decimal fractions compare and divide exactly; numbers outside decimal's range fall back to double.
    /// </summary>
    internal readonly struct JsonNumber
    {
        private readonly decimal? exact;
        private readonly double approximate;

        private JsonNumber(string text, decimal? exact, double approximate)
        {
            Text = text;
            this.exact = exact;
            this.approximate = approximate;
        }

        /// <summary>The number as written, for messages.</summary>
        public string Text { get; }

        public bool IsInteger => exact.HasValue
            ? decimal.Truncate(exact.Value) == exact.Value
            : !double.IsInfinity(approximate) && Math.Floor(approximate) == approximate;

        public bool IsPositive => exact.HasValue ? exact.Value > 0m : approximate > 0d;

        public static bool TryRead(JsonNode? node, out JsonNumber number)
        {
            number = default;
            return node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && TryParse(value.ToJsonString(), out number);
        }

        /// <summary>Parses JSON number text (the caller has checked the syntax).</summary>
        public static bool TryParse(string text, out JsonNumber number)
        {
            number = default;
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var approximate) || double.IsInfinity(approximate))
            {
                return false;
            }

            // decimal.Parse rounds numbers below its 28-digit scale to zero; those stay doubles so they remain non-zero.
            var isExact = decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
                && (parsed != 0m || approximate == 0d);
            number = new JsonNumber(text, isExact ? parsed : null, approximate);
            return true;
        }

        /// <summary>Reads a non-negative whole number as a count; counts beyond int.MaxValue cannot be exceeded anyway.</summary>
        public bool TryGetCount(out int count)
        {
            var isCount = IsInteger && (exact ?? (decimal)Math.Sign(approximate)) >= 0m;
            count = !isCount ? 0 : exact.HasValue ? (int)Math.Min(exact.Value, int.MaxValue) : (int)Math.Min(approximate, int.MaxValue);
            return isCount;
        }

        public int CompareTo(JsonNumber other) => exact.HasValue && other.exact.HasValue
            ? decimal.Compare(exact.Value, other.exact.Value)
            : approximate.CompareTo(other.approximate);

        public bool IsMultipleOf(JsonNumber divisor)
        {
            if (exact.HasValue && divisor.exact.HasValue)
            {
                try
                {
                    return exact.Value % divisor.exact.Value == 0m;
                }
                catch (OverflowException)
                {
                    // The quotient outgrows decimal; the double quotient below decides.
                }
            }

            var quotient = approximate / divisor.approximate;
            return !double.IsInfinity(quotient) && Math.Floor(quotient) == quotient;
        }

        /// <summary>A node holding this number: a long where it is a whole number that fits, else decimal or double.</summary>
        public JsonNode ToNode()
        {
            if (exact.HasValue)
            {
                return IsInteger && exact.Value >= long.MinValue && exact.Value <= long.MaxValue
                    ? JsonValue.Create(decimal.ToInt64(exact.Value))
                    : JsonValue.Create(exact.Value);
            }

            return JsonValue.Create(approximate);
        }
    }
}
