using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PlatformFlow.JsonSchema
{
    /// <summary>
    /// One expression of the platform's <c>property=</c> list filter: <c>path==a,b</c> (comma = any of the values),
    /// <c>!=</c> (none of them), <c>~</c> (contains, any case), and <c>&gt;</c> <c>&lt;</c> <c>&gt;=</c> <c>&lt;=</c> on a
    /// single value. Values may be quoted with <c>"</c> or <c>'</c>; a quoted value keeps its commas. It lives here, with the
    /// platform's other rules, so the grammar has one implementation: the client applies it to lists a service cannot
    /// filter (Data Prep), the emulator to every list. Which nodes a path selects stays with the caller.
    /// </summary>
    public sealed class PropertyFilterExpression
    {
        // Two-character operators first, so ">=" is not read as ">".
        private static readonly string[] Operators = { "==", "!=", ">=", "<=", ">", "<", "~" };

        private PropertyFilterExpression(string path, string op, IReadOnlyList<string> values)
        {
            Path = path;
            Operator = op;
            Values = values;
        }

        /// <summary>The dotted path, e.g. <c>scheduleParams.frequency</c> or <c>sourceConnectionIds[]</c>.</summary>
        public string Path { get; }

        public string Operator { get; }

        /// <summary>The values, unquoted; a single one for <c>&gt;</c>, <c>&lt;</c>, <c>&gt;=</c> and <c>&lt;=</c>.</summary>
        public IReadOnlyList<string> Values { get; }

        /// <summary>Reads <c>path operator values</c>, or throws <see cref="PropertyFilterSyntaxException"/> naming the mistake.</summary>
        public static PropertyFilterExpression Parse(string expression)
        {
            var at = expression.IndexOfAny(new[] { '=', '!', '<', '>', '~' });
            if (at < 0)
            {
                throw new PropertyFilterSyntaxException(PropertyFilterMistake.NoOperator, expression, string.Empty, "expected path, operator (==, !=, >, <, >=, <=, ~) and value");
            }

            var op = Operators.FirstOrDefault(o => string.CompareOrdinal(expression, at, o, 0, o.Length) == 0);
            if (op is null)
            {
                var shown = expression.Substring(at, Math.Min(2, expression.Length - at));
                throw new PropertyFilterSyntaxException(PropertyFilterMistake.UnknownOperator, expression, shown, "'" + shown + "' is no operator");
            }

            var path = expression.Substring(0, at).Trim();
            if (!IsWellFormedPath(path))
            {
                throw new PropertyFilterSyntaxException(PropertyFilterMistake.MalformedPath, expression, path, "'" + path + "' is no field path");
            }

            var values = SplitValues(expression.Substring(at + op.Length));
            if (values.Any(v => v.Length == 0))
            {
                throw new PropertyFilterSyntaxException(PropertyFilterMistake.EmptyValue, expression, string.Empty, "a value is empty");
            }

            if (values.Count > 1 && op != "==" && op != "!=" && op != "~")
            {
                throw new PropertyFilterSyntaxException(PropertyFilterMistake.SeveralValuesForComparison, expression, op, "'" + op + "' compares with one value");
            }

            return new PropertyFilterExpression(path, op, values);
        }

        /// <summary>True when the path is a well-formed sequence of names, each optionally followed by <c>[]</c>.</summary>
        public static bool IsWellFormedPath(string path)
        {
            foreach (var segment in path.Split('.'))
            {
                var name = segment.EndsWith("[]", StringComparison.Ordinal) ? segment.Substring(0, segment.Length - 2) : segment;
                if (name.Length == 0 || name.IndexOfAny(new[] { '[', ']', ' ', '=', '<', '>', '!', '~' }) >= 0)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Whether the nodes the path selected in one resource satisfy the expression.</summary>
        public bool Matches(IEnumerable<JsonNode> selected)
        {
            var nodes = selected.ToList();
            switch (Operator)
            {
                case "==":
                    return nodes.Any(EqualsAnyValue);
                case "!=":
                    return !nodes.Any(EqualsAnyValue);
                case "~":
                    return nodes.Any(n => ScalarText(n) is string text && Values.Any(v => text.IndexOf(v, StringComparison.OrdinalIgnoreCase) >= 0));
                default:
                    return nodes.Any(n => CompareWithText(n, Values[0]) is int order && Holds(order));
            }
        }

        private bool EqualsAnyValue(JsonNode node) => Values.Any(v => CompareWithText(node, v) == 0);

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

        /// <summary>
        /// Numbers numerically, booleans as booleans, strings without regard to case (the platform's guides filter
        /// <c>status==Failed</c> on values stored as <c>failed</c>). Null when the two cannot be compared (an object, or a
        /// number against text that is not one).
        /// </summary>
        private static int? CompareWithText(JsonNode node, string text)
        {
            if (!(node is JsonValue value))
            {
                return null;
            }

            switch (value.GetValueKind())
            {
                case JsonValueKind.Number:
                    return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                        ? double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture).CompareTo(number)
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

        /// <summary>The string of a JSON string, or the literal text of any other scalar; null for objects and arrays.</summary>
        private static string? ScalarText(JsonNode node)
        {
            if (!(node is JsonValue value))
            {
                return null;
            }

            return value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
        }

        /// <summary>
        /// A value as the grammar reads it back exactly: bare when it can be (no comma, no quote, no spaces around it),
        /// else in quotes. The grammar has no escape character, but quoted runs follow one another (<c>"a"'"b'</c> is
        /// <c>a"b</c>), so a value holding both kinds of quote is written as runs, each in the quote it does not contain.
        /// </summary>
        public static string QuoteValue(string value)
        {
            if (value.Length > 0 && value.IndexOfAny(new[] { ',', '"', '\'' }) < 0 && value.Trim().Length == value.Length)
            {
                return value;
            }

            var quoted = new StringBuilder();
            var quote = value.IndexOf('"') >= 0 && value.IndexOf('\'') < 0 ? '\'' : '"';
            quoted.Append(quote);
            foreach (var c in value)
            {
                if (c == quote)
                {
                    quoted.Append(quote);
                    quote = quote == '"' ? '\'' : '"';
                    quoted.Append(quote);
                }

                quoted.Append(c);
            }

            return quoted.Append(quote).ToString();
        }

        /// <summary>Splits at commas outside quotes; spaces around a value are dropped unless they are inside quotes.</summary>
        private static List<string> SplitValues(string text)
        {
            var values = new List<string>();
            var current = new StringBuilder();

            // Where the quoted text of the current value starts and ends, so trimming stops at it.
            var quotedFrom = -1;
            var quotedTo = -1;
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
                        quotedTo = current.Length;
                    }
                }
                else if (c == '"' || c == '\'')
                {
                    quote = c;
                    quotedFrom = quotedFrom < 0 ? current.Length : quotedFrom;
                    quotedTo = Math.Max(quotedTo, current.Length);
                }
                else if (c == ',')
                {
                    values.Add(Trimmed(current.ToString(), quotedFrom, quotedTo));
                    current.Clear();
                    quotedFrom = quotedTo = -1;
                }
                else
                {
                    current.Append(c);
                }
            }

            values.Add(Trimmed(current.ToString(), quotedFrom, quotedTo));
            return values;
        }

        private static string Trimmed(string value, int quotedFrom, int quotedTo)
        {
            if (quotedFrom < 0)
            {
                return value.Trim();
            }

            var start = 0;
            while (start < quotedFrom && char.IsWhiteSpace(value[start]))
            {
                start++;
            }

            var end = value.Length;
            while (end > quotedTo && char.IsWhiteSpace(value[end - 1]))
            {
                end--;
            }

            return value.Substring(start, end - start);
        }
    }
}
