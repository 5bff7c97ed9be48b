using System;
using System.Collections.Generic;
using System.Linq;

namespace PlatformFlow.Emulator.DataPrep.Expressions
{
    /// <summary>An object literal: <c>{"book1": "Pride and Prejudice", "book2": "1984"}</c>.</summary>
    internal sealed class ObjectNode : ExpressionNode
    {
        private readonly IReadOnlyList<KeyValuePair<string, ExpressionNode>> _members;

        public ObjectNode(IReadOnlyList<KeyValuePair<string, ExpressionNode>> members, int position)
            : base(position)
        {
            _members = members;
        }

        public override object? Evaluate(ElScope scope)
        {
            var result = ElValues.NewObject();
            foreach (var member in _members)
            {
                result[member.Key] = member.Value.Evaluate(scope);
            }

            return result;
        }

        public override ElType InferType(Func<IReadOnlyList<string>, ElType> fieldType) => ElType.Object;

        public override IEnumerable<ExpressionNode> Descendants() => base.Descendants().Concat(_members.SelectMany(m => m.Value.Descendants()));
    }
}
