using System;
using System.Collections.Generic;
using System.Linq;

namespace PlatformFlow.Emulator.DataPrep.Expressions
{
    /// <summary><c>-x</c>, <c>!x</c> / <c>not x</c>, <c>~x</c>.</summary>
    internal sealed class UnaryNode : ExpressionNode
    {
        private readonly string _operator;
        private readonly ExpressionNode _operand;

        public UnaryNode(string op, ExpressionNode operand, int position)
            : base(position)
        {
            _operator = op;
            _operand = operand;
        }

        public override object? Evaluate(ElScope scope)
        {
            var value = _operand.Evaluate(scope);
            switch (_operator)
            {
                case "!":
                    return !ElValues.Truthy(value);
                case "~":
                    return ~ElValues.ToLong(value, "~", Position);
                default:
                    return value is long whole ? -whole : (object)(-ElValues.ToDouble(value, "-", Position));
            }
        }

        public override ElType InferType(Func<IReadOnlyList<string>, ElType> fieldType)
        {
            switch (_operator)
            {
                case "!":
                    return ElType.Boolean;
                case "~":
                    return ElType.Integer;
                default:
                    var operand = _operand.InferType(fieldType);
                    return operand == ElType.Integer ? ElType.Integer : ElType.Number;
            }
        }

        public override IEnumerable<ExpressionNode> Descendants() => base.Descendants().Concat(_operand.Descendants());
    }
}
