using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PlatformFlow.Emulator.Engine;
using PlatformFlow.JsonSchema;

namespace PlatformFlow.Emulator.Catalog
{
    /// <summary>
    /// One Catalog <c>property=</c> condition. The comparisons (<c>==</c>, <c>!=</c>, <c>&lt;</c>, <c>&gt;</c>, <c>&lt;=</c>,
    /// <c>&gt;=</c>) are the platform's shared <see cref="PropertyFilter"/>; Catalog adds its own two forms: <c>~</c> is a
    /// regular expression here (<c>name~^test</c>), not "contains", and a bare <c>field</c> (or <c>!field</c>) tests presence.
    /// </summary>
    internal sealed class CatalogPropertyFilter
    {
        private static readonly ListQueryErrorCodes Codes = new ListQueryErrorCodes
        {
            InvalidParameter = ErrorCodes.DataSetQueryInvalid,
            LimitWithCount = ErrorCodes.DataSetQueryInvalid,
            InvalidOperator = ErrorCodes.DataSetQueryInvalid,
            InvalidField = ErrorCodes.DataSetQueryInvalid,
            InvalidValue = ErrorCodes.DataSetQueryInvalid,
            MultipleValuesNotAllowed = ErrorCodes.DataSetQueryInvalid,
            InvalidSortOrder = ErrorCodes.DataSetQueryInvalid,
            InvalidSortField = ErrorCodes.DataSetQueryInvalid,
        };

        private readonly Func<JsonNode, bool> _matches;

        private CatalogPropertyFilter(Func<JsonNode, bool> matches)
        {
            _matches = matches;
        }

        public static CatalogPropertyFilter Parse(string condition)
        {
            var tilde = condition.IndexOf('~');
            if (tilde > 0 && condition.IndexOfAny(new[] { '=', '!', '<', '>' }, 0, tilde) < 0)
            {
                var path = condition.Substring(0, tilde);
                var pattern = Pattern(condition.Substring(tilde + 1), condition);
                return new CatalogPropertyFilter(d => JsonPaths.Select(d, path).Any(n => JsonValues.ScalarText(n) is string text && pattern.IsMatch(text)));
            }

            if (condition.IndexOfAny(new[] { '=', '<', '>' }) < 0 && !condition.Contains("!="))
            {
                var absent = condition.StartsWith("!", StringComparison.Ordinal);
                var path = absent ? condition.Substring(1) : condition;
                return PropertyFilterExpression.IsWellFormedPath(path)
                    ? new CatalogPropertyFilter(d => JsonPaths.Select(d, path).Any() != absent)
                    : throw EmulatorError.BadRequest(ErrorCodes.DataSetQueryInvalid, "property '" + condition + "' names no field; e.g. property=name==Orders or property=name~^Ord.");
            }

            var filter = PropertyFilter.Parse(condition, Codes);
            return new CatalogPropertyFilter(filter.Matches);
        }

        public bool Matches(JsonObject dataSet) => _matches(dataSet);

        private static Regex Pattern(string pattern, string condition)
        {
            try
            {
                return new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException ex)
            {
                throw EmulatorError.BadRequest(ErrorCodes.DataSetQueryInvalid, "property " + condition + " holds an invalid regular expression: " + ex.Message);
            }
        }
    }
}
