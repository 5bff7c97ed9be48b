using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;

namespace PlatformFlow.Emulator.Engine
{
    /// <summary>
    /// One <c>property=</c> list filter: <c>path==a,b</c> (comma = any of the values), <c>!=</c> (none of them), <c>~</c>
    /// (contains), and <c>&gt;</c> <c>&lt;</c> <c>&gt;=</c> <c>&lt;=</c> on a single value. Values may be quoted with
    /// <c>"</c> or <c>'</c>; a quoted value keeps its commas.
    /// </summary>
    public sealed class PropertyFilter
    {
        private static readonly string[] Operators = { "==", "!=", ">=", "<=", ">", "<", "~" };

        private PropertyFilter(string path, string op, IReadOnlyList<string> values)
        {
            Path = path;
            Operator = op;
            Values = values;
        }

        public string Path { get; }

        public string Operator { get; }

        public IReadOnlyList<string> Values { get; }

        public static PropertyFilter Parse(string expression, ListQueryErrorCodes codes)
        {
            var at = expression.IndexOfAny(new[] { '=', '!', '<', '>', '~' });
            if (at < 0)
            {
                throw EmulatorError.BadRequest(codes.InvalidValue, "Invalid query value " + expression + " provided in query param property: expected path, operator (==, !=, >, <, >=, <=, ~) and value.");
            }

            var op = Operators.FirstOrDefault(o => string.CompareOrdinal(expression, at, o, 0, o.Length) == 0);
            if (op is null)
            {
                var shown = expression.Substring(at, Math.Min(2, expression.Length - at));
                throw EmulatorError.BadRequest(codes.InvalidOperator, "Invalid operator " + shown + " in filter params (" + expression + "); use ==, !=, >, <, >=, <= or ~.");
            }

            var path = expression.Substring(0, at).Trim();
            if (!JsonPaths.IsWellFormed(path))
            {
                throw EmulatorError.BadRequest(codes.InvalidField, "Invalid field '" + path + "' in filter params (" + expression + ").");
            }

            var values = SplitValues(expression.Substring(at + op.Length));
            if (values.Count == 0 || values.Any(v => v.Length == 0))
            {
                throw EmulatorError.BadRequest(codes.InvalidValue, "Invalid query value " + expression + " provided in query param property: a value is empty.");
            }

            if (values.Count > 1 && op != "==" && op != "!=" && op != "~")
            {
                throw EmulatorError.BadRequest(codes.MultipleValuesNotAllowed, "Operator '" + op + "' is not allowed for multiple values (" + expression + ").");
            }

            return new PropertyFilter(path, op, values);
        }

        public bool Matches(JsonNode resource)
        {
            var nodes = JsonPaths.Select(resource, Path).ToList();
            switch (Operator)
            {
                case "==":
                    return nodes.Any(n => Values.Any(v => JsonValues.CompareWithText(n, v) == 0));
                case "!=":
                    return !nodes.Any(n => Values.Any(v => JsonValues.CompareWithText(n, v) == 0));
                case "~":
                    return nodes.Any(n => JsonValues.ScalarText(n) is string text
                        && Values.Any(v => text.IndexOf(v, StringComparison.OrdinalIgnoreCase) >= 0));
                default:
                    return nodes.Any(n => JsonValues.CompareWithText(n, Values[0]) is int order && Holds(order));
            }
        }

        private bool Holds(int order)
        {
            switch (Operator)
            {
                case ">":
                    return order > 0;
                case "<":
                    return order < 0;
                case ">=":
                    return order >= 0;
                default:
                    return order <= 0;
            }
        }

        private static List<string> SplitValues(string text)
        {
            var values = new List<string>();
            var current = new StringBuilder();
            char? quote = null;
            foreach (var c in text)
            {
                if (quote.HasValue)
                {
                    if (c == quote.Value)
                    {
                        quote = null;
                    }
                    else
                    {
                        current.Append(c);
                    }
                }
                else if (c == '"' || c == '\'')
                {
                    quote = c;
                }
                else if (c == ',')
                {
                    values.Add(current.ToString().Trim());
                    current.Clear();
                }
                else
                {
                    current.Append(c);
                }
            }

            values.Add(current.ToString().Trim());
            return values;
        }
    }
}
