using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace PlatformFlow.JsonSchema
{
    /// <summary>
    /// allOf, anyOf, oneOf, not and if/then/else. A failing alternative of anyOf/oneOf, a matching "not" and a
    /// false "if" are not errors in themselves, so their sub-errors are summarised into one error at the combinator.
    /// </summary>
    internal sealed partial class SchemaValidator
    {
        private void CheckCombinators(JsonObject schema, JsonNode? value, InstanceLocation location, List<SchemaError> errors)
        {
            // Every allOf member is a rule of its own, so their errors stand as they are.
            foreach (var member in SchemaKeywords.Array(schema, "allOf", nonEmpty: true) ?? Enumerable.Empty<JsonNode?>())
            {
                Validate(member, value, location, errors);
            }

            CheckAnyOf(schema, value, location, errors);
            CheckOneOf(schema, value, location, errors);

            const string Not = "not";
            if (schema.TryGetPropertyValue(Not, out var forbidden) && IsValid(forbidden, value, location))
            {
                errors.Add(Error(location, Not, DescribeForbidden(forbidden, value)));
            }
        }

        private void CheckAnyOf(JsonObject schema, JsonNode? value, InstanceLocation location, List<SchemaError> errors)
        {
            const string AnyOf = "anyOf";
            var alternatives = SchemaKeywords.Array(schema, AnyOf, nonEmpty: true);
            if (alternatives is null)
            {
                return;
            }

            var failures = new List<List<SchemaError>>();
            foreach (var alternative in alternatives)
            {
                var alternativeErrors = Collect(alternative, value, location);
                if (alternativeErrors.Count == 0)
                {
                    return;
                }

                failures.Add(alternativeErrors);
            }

            errors.Add(Error(location, AnyOf, MatchesNoAlternative(value, failures)));
        }

        private void CheckOneOf(JsonObject schema, JsonNode? value, InstanceLocation location, List<SchemaError> errors)
        {
            const string OneOf = "oneOf";
            var alternatives = SchemaKeywords.Array(schema, OneOf, nonEmpty: true);
            if (alternatives is null)
            {
                return;
            }

            var outcomes = alternatives.Select(alternative => Collect(alternative, value, location)).ToList();
            var matching = Enumerable.Range(0, outcomes.Count).Where(index => outcomes[index].Count == 0).ToList();
            if (matching.Count == 0)
            {
                errors.Add(Error(location, OneOf, MatchesNoAlternative(value, outcomes)));
            }
            else if (matching.Count > 1)
            {
                // Numbered from 1, as a reader counts the alternatives in the spec.
                var numbers = string.Join(", ", matching.Select(index => "#" + (index + 1)));
                errors.Add(Error(location, OneOf, JsonValues.Describe(value) + " matches more than one of the alternatives (" + numbers + "), but must match exactly one"));
            }
        }

        /// <summary>One sentence for a value no alternative accepts, with the first reason each one gives.</summary>
        private static string MatchesNoAlternative(JsonNode? value, IEnumerable<List<SchemaError>> failures) =>
            JsonValues.Describe(value) + " does not match any of the allowed alternatives: "
            + string.Join("; or ", failures.Select(failure => failure[0].Message));

        /// <summary>
        /// The flow spec's scheduleSpec forbids properties with "not": {"required": [...]}; saying so beats
        /// "must not match a schema".
        /// </summary>
        private static string DescribeForbidden(JsonNode? forbidden, JsonNode? value)
        {
            if (forbidden is JsonObject keywords && keywords.Count == 1)
            {
                var names = SchemaKeywords.Names(keywords, "required");
                if (names.Count == 1)
                {
                    return "property '" + names[0] + "' is not allowed here";
                }

                if (names.Count > 1)
                {
                    return "properties " + string.Join(", ", names.Select(name => "'" + name + "'")) + " are not allowed together here";
                }
            }

            return JsonValues.Describe(value) + " matches a schema it must not match ('not')";
        }

        private void CheckCondition(JsonObject schema, JsonNode? value, InstanceLocation location, List<SchemaError> errors)
        {
            if (!schema.TryGetPropertyValue("if", out var condition))
            {
                return;
            }

            // The condition only picks the branch; the branch's errors are the real ones.
            var branch = IsValid(condition, value, location) ? "then" : "else";
            if (schema.TryGetPropertyValue(branch, out var branchSchema))
            {
                Validate(branchSchema, value, location, errors);
            }
        }
    }
}
