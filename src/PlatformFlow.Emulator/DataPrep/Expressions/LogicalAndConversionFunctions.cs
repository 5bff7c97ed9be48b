using System;
using System.Globalization;
using System.Linq;
using System.Numerics;

namespace PlatformFlow.Emulator.DataPrep.Expressions
{
    /// <summary>The page's "Logical operators", "Aggregation", "Type conversions" and "Special operations" (uuid/guid).</summary>
    internal static class LogicalAndConversionFunctions
    {
        private const string Logical = "Logical operators";
        private const string Aggregation = "Aggregation";
        private const string Conversion = "Type conversions";
        private const string Special = "Special operations";

        public static void Register(ElFunctionLibrary library)
        {
            library.Add(Logical, "decode", "decode(KEY, OPTIONS)", "Given a key and key/value pairs flattened as a list, returns the value of the key, else the default at the end (or null).",
                "decode(stateCode, \"ca\", \"California\", \"pa\", \"Pennsylvania\", \"N/A\")", "\"California\" when stateCode is \"ca\"", 3, ElFunction.Unbounded, ElType.Any, Decode);
            library.Add(Logical, "iif", "iif(EXPRESSION, TRUE_VALUE, FALSE_VALUE)", "Evaluates a given boolean expression and returns the specified value based on the result.",
                "iif(\"s\".equalsIgnoreCase(\"S\"), \"True\", \"False\")", "\"True\"", 3, 3, ElType.Any,
                a => ElValues.Truthy(a[0]) ? a[1] : a[2]);

            library.Add(Aggregation, "min", "min(OPTIONS)", "Returns the minimum of the given arguments. Uses natural ordering.", "min(3, 1, 4)", "1", 1, ElFunction.Unbounded, ElType.Any,
                a => Extreme(a, -1));
            library.Add(Aggregation, "max", "max(OPTIONS)", "Returns the maximum of the given arguments. Uses natural ordering.", "max(3, 1, 4)", "4", 1, ElFunction.Unbounded, ElType.Any,
                a => Extreme(a, 1));

            library.Add(Conversion, "to_bigint", "to_bigint(STRING)", "Converts a string to a BigInteger (a fraction is dropped).", "to_bigint(\"1000000.34\")", "1000000", 1, 1, ElType.Integer,
                a => a.Text(0) is string text ? (object)new BigInteger(Math.Truncate(decimal.Parse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture))) : null);
            library.Add(Conversion, "to_decimal", "to_decimal(STRING)", "Converts a string to a Double.", "to_decimal(\"20.5\")", "20.5", 1, 1, ElType.Number,
                a => a.Text(0) is string text ? (object)double.Parse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture) : null);
            library.Add(Conversion, "to_float", "to_float(STRING)", "Converts a string to a Float.", "to_float(\"12.3456\")", "12.3456", 1, 1, ElType.Number,
                a => a.Text(0) is string text ? (object)(double)float.Parse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture) : null);
            library.Add(Conversion, "to_integer", "to_integer(STRING)", "Converts a string to an Integer.", "to_integer(\"12\")", "12", 1, 1, ElType.Integer,
                a => a.Text(0) is string text ? (object)(long)int.Parse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture) : null);

            foreach (var name in new[] { "uuid", "guid" })
            {
                library.Add(Special, name, name + "()", "Generates a pseudo-random ID.", name + "()", "7c0267d2-bb74-4e1a-9275-3bf4fccda5f4", 0, 0, ElType.String,
                    a => Guid.NewGuid().ToString());
            }
        }

        private static object? Decode(ElArguments a)
        {
            var key = a[0];
            var options = a.From(1);
            for (var i = 0; i + 1 < options.Count; i += 2)
            {
                if (ElValues.AreEqual(key, options[i]))
                {
                    return options[i + 1];
                }
            }

            return options.Count % 2 == 1 ? options[options.Count - 1] : null;
        }

        private static object? Extreme(ElArguments a, int sign)
        {
            var items = ElValues.Items(a.Values).Where(v => v != null).ToList();
            return items.Count == 0 ? null : items.Aggregate((best, next) => ElValues.Compare(next, best, -1) * sign > 0 ? next : best);
        }
    }
}
