using System.Collections.Generic;

namespace PlatformFlow.Emulator.DataPrep.Expressions
{
    /// <summary>A node of a parsed expression: evaluates itself over a source row and says what type it yields.</summary>
    internal abstract class ExpressionNode(int position)
    {
        /// <summary>Where the node starts in the expression text.</summary>
        public int Position { get; } = position;

        public abstract object? Evaluate(ElScope scope);

        /// <summary>The type the node yields when <paramref name="fieldType"/> gives the source fields' types.</summary>
        public abstract ElType InferType(System.Func<IReadOnlyList<string>, ElType> fieldType);

        /// <summary>The node and every node under it.</summary>
        public virtual IEnumerable<ExpressionNode> Descendants()
        {
            yield return this;
        }
    }
}
