using System.Text.Json.Nodes;
using PlatformFlow.Client.Errors;
using PlatformFlow.JsonSchema;

namespace PlatformFlow.Client.Api
{
    /// <summary>
    /// A platform <c>property=</c> expression (<see cref="PropertyFilterExpression"/>) evaluated on the client, for lists
    /// whose service cannot filter them (Data Prep). Path selection is the client's own: field names match in any case.
    /// </summary>
    public sealed class ClientPropertyFilter
    {
        private readonly PropertyFilterExpression _expression;
        private readonly string[] _path;

        private ClientPropertyFilter(PropertyFilterExpression expression)
        {
            _expression = expression;
            _path = expression.Path.Split('.');
        }

        public static ClientPropertyFilter Parse(string expression)
        {
            try
            {
                return new ClientPropertyFilter(PropertyFilterExpression.Parse(expression));
            }
            catch (PropertyFilterSyntaxException mistake)
            {
                throw new PlatformValidationException(CmdletTerms.Filter + " '" + Excerpt.Of(expression) + "'", Problem(mistake));
            }
        }

        public bool Matches(JsonNode? resource) => _expression.Matches(Select(resource));

        private static string Problem(PropertyFilterSyntaxException mistake)
        {
            switch (mistake.Mistake)
            {
                case PropertyFilterMistake.EmptyValue:
                    return "a value is empty";
                case PropertyFilterMistake.SeveralValuesForComparison:
                    return "operator " + mistake.OffendingText + " compares with a single value";
                default:
                    return "expected a field path, an operator (==, !=, >, <, >=, <=, ~) and a value, e.g. name==Orders";
            }
        }

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
    }
}
