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
        private static readonly ListQueryErrorCodes Codes = new ListQueryErrorCodes(ErrorCodes.DataSetQueryInvalid);

        private readonly Func<JsonNode, bool>? _matches;
        private readonly string? _patternPath;
        private readonly Regex? _pattern;
        private readonly string _condition;

        private CatalogPropertyFilter(string condition, Func<JsonNode, bool> matches)
        {
            _condition = condition;
            _matches = matches;
        }

        private CatalogPropertyFilter(string condition, string path, Regex pattern)
        {
            _condition = condition;
            _patternPath = path;
            _pattern = pattern;
        }

        /// <summary>True for a <c>field~pattern</c> condition: matched with <see cref="Matches(JsonObject, PatternBudget)"/>, outside the sandbox's lock.</summary>
        public bool IsPattern => _pattern != null;

        public static CatalogPropertyFilter Parse(string condition)
        {
            var tilde = condition.IndexOf('~');
            if (tilde > 0 && condition.IndexOfAny(new[] { '=', '!', '<', '>' }, 0, tilde) < 0)
            {
                return new CatalogPropertyFilter(condition, condition.Substring(0, tilde), Pattern(condition.Substring(tilde + 1), condition));
            }

            if (condition.IndexOfAny(new[] { '=', '<', '>' }) < 0 && !condition.Contains("!="))
            {
                var absent = condition.StartsWith("!", StringComparison.Ordinal);
                var path = absent ? condition.Substring(1) : condition;
                return PropertyFilterExpression.IsWellFormedPath(path)
                    ? new CatalogPropertyFilter(condition, d => JsonPaths.Select(d, path).Any() != absent)
                    : throw EmulatorError.BadRequest(ErrorCodes.DataSetQueryInvalid, "property '" + Excerpt.Of(condition) + "' names no field; e.g. property=name==Orders or property=name~^Ord.");
            }

            var filter = PropertyFilter.Parse(condition, Codes);
            return new CatalogPropertyFilter(condition, filter.Matches);
        }

        /// <summary>Whether a dataset passes a condition that is not a pattern.</summary>
        public bool Matches(JsonObject dataSet) => _matches!(dataSet);

        /// <summary>Whether a dataset passes a pattern condition; a 400 once the listing's matching has used up <paramref name="budget"/>.</summary>
        public bool Matches(JsonObject dataSet, PatternBudget budget)
        {
            foreach (var node in JsonPaths.Select(dataSet, _patternPath!))
            {
                if (JsonValues.ScalarText(node) is string text)
                {
                    try
                    {
                        if (Regex.IsMatch(text, _pattern!.ToString(), _pattern.Options, budget.Remaining()))
                        {
                            return true;
                        }
                    }
                    catch (RegexMatchTimeoutException)
                    {
                        throw budget.Exceeded(_condition);
                    }
                }
            }

            return false;
        }

        private static Regex Pattern(string pattern, string condition)
        {
            try
            {
                return new Regex(pattern, RegexOptions.CultureInvariant);
            }
            catch (ArgumentException)
            {
                throw EmulatorError.BadRequest(ErrorCodes.DataSetQueryInvalid, "property " + Excerpt.Of(condition) + " holds an invalid regular expression");
            }
        }
    }
}

