using System.Collections.Generic;
using System.Text.Json.Nodes;
using PlatformFlow.JsonSchema;

namespace PlatformFlow.Emulator.Engine
{
    /// <summary>
    /// One <c>property=</c> list filter: the platform's grammar (<see cref="PropertyFilterExpression"/>) over the emulator's
    /// <see cref="JsonPaths"/>, each kind of mistake answered with the list's own error code.
    /// </summary>
    public sealed class PropertyFilter
    {
        private readonly PropertyFilterExpression _expression;

        private PropertyFilter(PropertyFilterExpression expression)
        {
            _expression = expression;
        }

        public string Path => _expression.Path;

        public string Operator => _expression.Operator;

        public IReadOnlyList<string> Values => _expression.Values;

        public static PropertyFilter Parse(string expression, ListQueryErrorCodes codes)
        {
            try
            {
                return new PropertyFilter(PropertyFilterExpression.Parse(expression));
            }
            catch (PropertyFilterSyntaxException mistake)
            {
                throw Rejection(mistake, codes);
            }
        }

        public bool Matches(JsonNode resource) => _expression.Matches(JsonPaths.Select(resource, Path));

        private static EmulatorError Rejection(PropertyFilterSyntaxException mistake, ListQueryErrorCodes codes)
        {
            var expression = Excerpt.Of(mistake.Expression);
            switch (mistake.Mistake)
            {
                case PropertyFilterMistake.NoOperator:
                    return EmulatorError.BadRequest(codes.InvalidValue, "Invalid query value " + expression + " provided in query param property: expected path, operator (==, !=, >, <, >=, <=, ~) and value.");
                case PropertyFilterMistake.UnknownOperator:
                    return EmulatorError.BadRequest(codes.InvalidOperator, "Invalid operator " + Excerpt.Of(mistake.OffendingText) + " in filter params (" + expression + "); use ==, !=, >, <, >=, <= or ~.");
                case PropertyFilterMistake.MalformedPath:
                    return EmulatorError.BadRequest(codes.InvalidField, "Invalid field '" + Excerpt.Of(mistake.OffendingText) + "' in filter params (" + expression + ").");
                case PropertyFilterMistake.EmptyValue:
                    return EmulatorError.BadRequest(codes.InvalidValue, "Invalid query value " + expression + " provided in query param property: a value is empty.");
                default:
                    return EmulatorError.BadRequest(codes.MultipleValuesNotAllowed, "Operator '" + mistake.OffendingText + "' is not allowed for multiple values (" + expression + ").");
            }
        }
    }
}
