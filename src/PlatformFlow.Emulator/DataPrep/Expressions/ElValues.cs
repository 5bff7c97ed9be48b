using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PlatformFlow.Emulator.DataPrep.Expressions
{
    /// <summary>
    /// The language's values and their rules. Values are <c>null</c>, <see cref="string"/>, <see cref="bool"/>,
    /// <see cref="long"/> (integers), <see cref="double"/>, <see cref="BigInteger"/> (<c>to_bigint</c>), <see cref="ZonedDate"/>,
    /// <see cref="List{T}"/> (arrays) and <see cref="Dictionary{TKey,TValue}"/> (objects, in insertion order).
    /// </summary>
    public static class ElValues
    {
        public static Dictionary<string, object?> NewObject() => new Dictionary<string, object?>(StringComparer.Ordinal);

        public static ElType TypeOf(object? value)
        {
            switch (value)
            {
                case null: return ElType.Null;
                case string _: return ElType.String;
                case bool _: return ElType.Boolean;
                case long _:
                case BigInteger _:
                    return ElType.Integer;
                case double _: return ElType.Number;
                case ZonedDate _: return ElType.Date;
                case List<object?> _: return ElType.Array;
                case Dictionary<string, object?> _: return ElType.Object;
                default: return ElType.Any;
            }
        }

        /// <summary>A value read from a JSON row (whole numbers become integers).</summary>
        public static object? FromJson(JsonNode? node)
        {
            switch (node)
            {
                case null:
                    return null;
                case JsonArray array:
                    return array.Select(FromJson).ToList();
                case JsonObject obj:
                    var result = NewObject();
                    foreach (var member in obj)
                    {
                        result[member.Key] = FromJson(member.Value);
                    }

                    return result;
                default:
                    var scalar = node.AsValue();
                    if (scalar.TryGetValue<string>(out var text))
                    {
                        return text;
                    }

                    if (scalar.TryGetValue<bool>(out var flag))
                    {
                        return flag;
                    }

                    if (scalar.TryGetValue<long>(out var integer))
                    {
                        return integer;
                    }

                    if (scalar.TryGetValue<double>(out var real))
                    {
                        return real;
                    }

                    var element = scalar.GetValue<JsonElement>();
                    switch (element.ValueKind)
                    {
                        case JsonValueKind.String:
                            return element.GetString();
                        case JsonValueKind.True:
                            return true;
                        case JsonValueKind.False:
                            return false;
                        case JsonValueKind.Number:
                            return element.TryGetInt64(out var whole) ? whole : (object)element.GetDouble();
                        default:
                            return null;
                    }
            }
        }

        /// <summary>A value as JSON (dates as their ISO 8601 text).</summary>
        public static JsonNode? ToJson(object? value)
        {
            switch (value)
            {
                case null: return null;
                case string text: return JsonValue.Create(text);
                case bool flag: return JsonValue.Create(flag);
                case long whole: return JsonValue.Create(whole);
                case double number: return JsonValue.Create(number);
                case BigInteger big: return JsonNode.Parse(big.ToString(CultureInfo.InvariantCulture));
                case ZonedDate date: return JsonValue.Create(date.ToString());
                case List<object?> items: return new JsonArray(items.Select(ToJson).ToArray());
                case Dictionary<string, object?> members:
                    var obj = new JsonObject();
                    foreach (var member in members)
                    {
                        obj[member.Key] = ToJson(member.Value);
                    }

                    return obj;
                default: return JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture));
            }
        }

        /// <summary>The value as text, as the language writes it (<c>20.5</c>, <c>true</c>, ISO dates, JSON for arrays and objects); null as empty.</summary>
        public static string Text(object? value)
        {
            switch (value)
            {
                case null: return string.Empty;
                case string text: return text;
                case bool flag: return flag ? "true" : "false";
                case double number: return number.ToString("R", CultureInfo.InvariantCulture);
                case IFormattable formattable: return formattable.ToString(null, CultureInfo.InvariantCulture);
                case List<object?> _:
                case Dictionary<string, object?> _:
                    return ToJson(value)!.ToJsonString();
                default: return value.ToString() ?? string.Empty;
            }
        }

        /// <summary>Null, false, zero, an empty string, array or object are false; everything else is true.</summary>
        public static bool Truthy(object? value)
        {
            switch (value)
            {
                case null: return false;
                case bool flag: return flag;
                case string text: return text.Length > 0;
                case long whole: return whole != 0;
                case double number: return number != 0;
                case List<object?> items: return items.Count > 0;
                case Dictionary<string, object?> members: return members.Count > 0;
                default: return true;
            }
        }

        public static double ToDouble(object? value, string what, int position)
        {
            switch (value)
            {
                case long whole: return whole;
                case double number: return number;
                case BigInteger big: return (double)big;
                case string text when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed): return parsed;
                default: throw Mismatch(value, "a number", what, position);
            }
        }

        public static long ToLong(object? value, string what, int position)
        {
            switch (value)
            {
                case long whole: return whole;
                case double number when Math.Floor(number) == number && Math.Abs(number) < 9.2e18: return (long)number;
                case BigInteger big when big >= long.MinValue && big <= long.MaxValue: return (long)big;
                case string text when long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed): return parsed;
                default: throw Mismatch(value, "an integer", what, position);
            }
        }

        public static bool AreEqual(object? left, object? right)
        {
            if (left is null || right is null)
            {
                return left is null && right is null;
            }

            if (IsNumber(left) && IsNumber(right))
            {
                return ToDouble(left, "==", -1) == ToDouble(right, "==", -1);
            }

            if (left is List<object?> || left is Dictionary<string, object?>)
            {
                return Text(left) == Text(right);
            }

            return left.Equals(right) || (left is string || right is string ? Text(left) == Text(right) : false);
        }

        /// <summary>Natural ordering: numbers by value, strings ordinally, dates by instant; null first.</summary>
        public static int Compare(object? left, object? right, int position)
        {
            if (left is null || right is null)
            {
                return left is null ? (right is null ? 0 : -1) : 1;
            }

            if (IsNumber(left) && IsNumber(right))
            {
                return ToDouble(left, "compare", position).CompareTo(ToDouble(right, "compare", position));
            }

            if (left is ZonedDate a && right is ZonedDate b)
            {
                return a.CompareTo(b);
            }

            if (left is string || right is string)
            {
                return string.CompareOrdinal(Text(left), Text(right));
            }

            if (left is bool x && right is bool y)
            {
                return x.CompareTo(y);
            }

            throw Mismatch(right, "a value comparable with " + Describe(left), "compare", position);
        }

        public static bool IsNumber(object? value) => value is long || value is double || value is BigInteger;

        /// <summary>Array items: an array argument as its items, or the arguments themselves (<c>first("1", "2")</c>, <c>first([1, 2])</c>).</summary>
        public static IReadOnlyList<object?> Items(IReadOnlyList<object?> arguments) =>
            arguments.Count == 1 && arguments[0] is List<object?> items ? items : arguments;

        public static string Describe(object? value) => value is null ? "null" : TypeOf(value).ToString().ToLowerInvariant() + " " + Shorten(Text(value));

        public static ExpressionException Mismatch(object? value, string expected, string what, int position) =>
            new ExpressionException(ExpressionProblem.TypeMismatch, what + " needs " + expected + ", not " + Describe(value), position);

        private static string Shorten(string text) => text.Length > 40 ? "'" + text.Substring(0, 37) + "...'" : "'" + text + "'";
    }
}
