using System;
using System.Collections.Generic;

namespace PlatformFlow.Emulator.DataPrep.Expressions
{
    /// <summary>A string, number, <c>true</c>, <c>false</c> or <c>null</c> written in the expression.</summary>
    internal sealed class LiteralNode : ExpressionNode
    {
        private readonly object? _value;

        public LiteralNode(object? value, int position)
            : base(position)
        {
            _value = value;
        }

        public override object? Evaluate(ElScope scope) => _value;

        public override ElType InferType(Func<IReadOnlyList<string>, ElType> fieldType) => ElValues.TypeOf(_value);
    }
}
