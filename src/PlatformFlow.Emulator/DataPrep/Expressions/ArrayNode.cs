using System;
using System.Collections.Generic;
using System.Linq;

namespace PlatformFlow.Emulator.DataPrep.Expressions
{
    /// <summary>An array literal: <c>[1, 2, 3]</c>, <c>['a', 'b']</c>.</summary>
    internal sealed class ArrayNode : ExpressionNode
    {
        private readonly IReadOnlyList<ExpressionNode> _items;

        public ArrayNode(IReadOnlyList<ExpressionNode> items, int position)
            : base(position)
        {
            _items = items;
        }

        public override object? Evaluate(ElScope scope) => _items.Select(i => i.Evaluate(scope)).ToList();

        public override ElType InferType(Func<IReadOnlyList<string>, ElType> fieldType) => ElType.Array;

        public override IEnumerable<ExpressionNode> Descendants() => base.Descendants().Concat(_items.SelectMany(i => i.Descendants()));
    }
}
