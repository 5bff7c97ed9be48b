namespace PlatformFlow.JsonSchema
{
    /// <summary>What is wrong with a <c>property=</c> expression; the platform answers each kind with its own error code.</summary>
    public enum PropertyFilterMistake
    {
        /// <summary>No operator character at all (<c>version</c>).</summary>
        NoOperator,

        /// <summary>Operator characters that make no operator (<c>name=Orders</c>, <c>name!Orders</c>).</summary>
        UnknownOperator,

        /// <summary>A path that is empty or not a dotted sequence of names, each optionally followed by <c>[]</c>.</summary>
        MalformedPath,

        /// <summary>No value, or an empty one between commas.</summary>
        EmptyValue,

        /// <summary>Several values for an operator that compares with one (<c>&gt;</c>, <c>&lt;</c>, <c>&gt;=</c>, <c>&lt;=</c>).</summary>
        SeveralValuesForComparison,
    }
}
