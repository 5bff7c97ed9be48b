using System;

namespace PlatformFlow.JsonSchema
{
    /// <summary>
    /// A <c>property=</c> expression the platform would reject. Carries the kind of mistake and the part at fault, so the
    /// client and the emulator can each word (and code) the rejection their own way.
    /// </summary>
    public sealed class PropertyFilterSyntaxException : FormatException
    {
        public PropertyFilterSyntaxException(PropertyFilterMistake mistake, string expression, string offendingText, string problem)
            : base("property '" + expression + "': " + problem)
        {
            Mistake = mistake;
            Expression = expression;
            OffendingText = offendingText;
        }

        public PropertyFilterMistake Mistake { get; }

        public string Expression { get; }

        /// <summary>
        /// The part at fault: the characters that make no operator, the malformed path, or the operator that takes one value;
        /// empty for the other mistakes.
        /// </summary>
        public string OffendingText { get; }
    }
}
