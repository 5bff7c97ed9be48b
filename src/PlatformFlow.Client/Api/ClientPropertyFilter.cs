using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PlatformFlow.Client.Errors;

namespace PlatformFlow.Client.Api
{
    /// <summary>
    /// A platform <c>property=</c> expression evaluated on the client, for lists whose service cannot filter them (Data
    /// Prep): the same operators (<c>==</c>, <c>!=</c>, <c>&gt;</c>, <c>&lt;</c>, <c>&gt;=</c>, <c>&lt;=</c>, <c>~</c>
    /// contains, any case), a comma between values meaning any of them, dotted paths with <c>[]</c> stepping into arrays.
    /// </summary>
    public sealed class ClientPropertyFilter
    {
        // Two-character operators first, so ">=" is not read as ">".
        private static readonly string[] Operators = { "==", "!=", ">=", "<=", ">", "<", "~" };

        private readonly string[] _path;
        private readonly string _operator;
        private readonly IReadOnlyList<string> _values;

        private ClientPropertyFilter(string[] path, string op, IReadOnlyList<string> values)
        {
            _path = path;
            _operator = op;
            _values = values;
        }

        public static ClientPropertyFilter Parse(string expression)
        {
            var at = expression.IndexOfAny(new[] { '=', '!', '<', '>', '~' });
            var op = at < 0 ? null : Operators.FirstOrDefault(o => string.CompareOrdinal(expression, at, o, 0, o.Length) == 0);
            var path = at < 0 ? string.Empty : expression.Substring(0, at).Trim();
            if (op is null || path.Length == 0)
            {
                throw new PlatformValidationException("-Filter '" + expression + "'", "expected a field path, an operator (==, !=, >, <, >=, <=, ~) and a value, e.g. name==Orders");
            }

            var values = SplitValues(expression.Substring(at + op.Length));
            if (values.Any(v => v.Length == 0))
            {
                throw new PlatformValidationException("-Filter '" + expression + "'", "a value is empty");
            }

            return new ClientPropertyFilter(path.Split('.'), op, values);
        }

        public bool Matches(JsonNode? resource)
        {
            var nodes = Select(resource).Select(Scalar).Where(text => text != null).Select(text => text!).ToList();
            switch (_operator)
            {
                case "==":
                    return nodes.Any(n => _values.Any(v => Compare(n, v) == 0));
                case "!=":
                    return !nodes.Any(n => _values.Any(v => Compare(n, v) == 0));
                case "~":
                    return nodes.Any(n => _values.Any(v => n.IndexOf(v, StringComparison.OrdinalIgnoreCase) >= 0));
                default:
                    return nodes.Any(n => Holds(Compare(n, _values[0])));
            }
        }

        private bool Holds(int order)
        {
            switch (_operator)
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

        /// <summary>Numbers compare as numbers, anything else as ordinal text.</summary>
        private static int Compare(string actual, string wanted) =>
            double.TryParse(actual, NumberStyles.Float, CultureInfo.InvariantCulture, out var left) && double.TryParse(wanted, NumberStyles.Float, CultureInfo.InvariantCulture, out var right)
                ? left.CompareTo(right)
                : string.CompareOrdinal(actual, wanted);

        private IEnumerable<JsonNode> Select(JsonNode? root)
        {
            IEnumerable<JsonNode> current = root is null ? Array.Empty<JsonNode>() : new[] { root };
            foreach (var segment in _path)
            {
                var intoArray = segment.EndsWith("[]", StringComparison.Ordinal);
                var name = intoArray ? segment.Substring(0, segment.Length - 2) : segment;
                current = current
                    .Select(node => node is JsonObject obj ? obj.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value : null)
                    .SelectMany(node => intoArray && node is JsonArray items ? items : (IEnumerable<JsonNode?>)new[] { node })
                    .Where(node => node != null)
                    .Select(node => node!)
                    .ToList();
            }

            return current;
        }

        private static string? Scalar(JsonNode node) =>
            node is JsonValue value
                ? value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString()
                : null;

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
