using System;
using System.Collections.Generic;
using System.Linq;

namespace PlatformFlow.Emulator.DataPrep.Expressions
{
    /// <summary><c>condition ? a : b</c>, and the short form <c>value ?: fallback</c> (the value unless it is null or false).</summary>
    internal sealed class ConditionalNode : ExpressionNode
    {
        private readonly ExpressionNode _condition;
        private readonly ExpressionNode? _whenTrue;
        private readonly ExpressionNode _whenFalse;

        /// <param name="whenTrue">Null for the short form: the condition's own value.</param>
        public ConditionalNode(ExpressionNode condition, ExpressionNode? whenTrue, ExpressionNode whenFalse, int position)
            : base(position)
        {
            _condition = condition;
            _whenTrue = whenTrue;
            _whenFalse = whenFalse;
        }

        public override object? Evaluate(ElScope scope)
        {
            var condition = _condition.Evaluate(scope);
            if (ElValues.Truthy(condition))
            {
                return _whenTrue is null ? condition : _whenTrue.Evaluate(scope);
            }

            return _whenFalse.Evaluate(scope);
        }

        public override ElType InferType(Func<IReadOnlyList<string>, ElType> fieldType)
        {
            var a = (_whenTrue ?? _condition).InferType(fieldType);
            var b = _whenFalse.InferType(fieldType);
            return a == b ? a : ElType.Any;
        }

        public override IEnumerable<ExpressionNode> Descendants() =>
            base.Descendants().Concat(_condition.Descendants()).Concat(_whenTrue?.Descendants() ?? Enumerable.Empty<ExpressionNode>()).Concat(_whenFalse.Descendants());
    }
}
