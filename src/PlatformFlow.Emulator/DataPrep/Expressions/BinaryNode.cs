using System;
using System.Collections.Generic;
using System.Linq;

namespace PlatformFlow.Emulator.DataPrep.Expressions
{
    /// <summary>
    /// Arithmetic (<c>+ - * / %</c>, <c>div</c>, <c>mod</c>), comparison (<c>== != &lt; &gt; &lt;= &gt;=</c> and <c>eq ne lt gt le ge</c>),
    /// logic (<c>&amp;&amp; ||</c>, <c>and or</c>, short-circuit) and bitwise (<c>&amp; | ^</c>) operators, with the language's
    /// rules: <c>+</c> concatenates when either side is a string; two integers stay integers (<c>7 / 2</c> is 3).
    /// </summary>
    internal sealed class BinaryNode : ExpressionNode
    {
        private readonly ExpressionNode _left;
        private readonly ExpressionNode _right;

        public BinaryNode(string op, ExpressionNode left, ExpressionNode right, int position)
            : base(position)
        {
            Operator = op;
            _left = left;
            _right = right;
        }

        /// <summary>The canonical symbol (word forms are read as their symbols: <c>and</c> is <c>&amp;&amp;</c>, <c>mod</c> is <c>%</c>).</summary>
        public string Operator { get; }

        public override object? Evaluate(ElScope scope)
        {
            var left = _left.Evaluate(scope);
            switch (Operator)
            {
                case "&&":
                    return ElValues.Truthy(left) && ElValues.Truthy(_right.Evaluate(scope));
                case "||":
                    return ElValues.Truthy(left) || ElValues.Truthy(_right.Evaluate(scope));
            }

            var right = _right.Evaluate(scope);
            switch (Operator)
            {
                case "==":
                    return ElValues.AreEqual(left, right);
                case "!=":
                    return !ElValues.AreEqual(left, right);
                case "<":
                    return ElValues.Compare(left, right, Position) < 0;
                case ">":
                    return ElValues.Compare(left, right, Position) > 0;
                case "<=":
                    return ElValues.Compare(left, right, Position) <= 0;
                case ">=":
                    return ElValues.Compare(left, right, Position) >= 0;
                case "+" when left is string || right is string:
                    return ElValues.Text(left) + ElValues.Text(right);
                case "&":
                    return ElValues.ToLong(left, Operator, Position) & ElValues.ToLong(right, Operator, Position);
                case "|":
                    return ElValues.ToLong(left, Operator, Position) | ElValues.ToLong(right, Operator, Position);
                case "^":
                    return ElValues.ToLong(left, Operator, Position) ^ ElValues.ToLong(right, Operator, Position);
                default:
                    return Arithmetic(left, right);
            }
        }

        public override ElType InferType(Func<IReadOnlyList<string>, ElType> fieldType)
        {
            switch (Operator)
            {
                case "&&":
                case "||":
                case "==":
                case "!=":
                case "<":
                case ">":
                case "<=":
                case ">=":
                    return ElType.Boolean;
                case "&":
                case "|":
                case "^":
                    return ElType.Integer;
            }

            var left = _left.InferType(fieldType);
            var right = _right.InferType(fieldType);
            if (Operator == "+" && (left == ElType.String || right == ElType.String))
            {
                return ElType.String;
            }

            if (left == ElType.Integer && right == ElType.Integer)
            {
                return ElType.Integer;
            }

            return left == ElType.Any || right == ElType.Any ? ElType.Any : ElType.Number;
        }

        public override IEnumerable<ExpressionNode> Descendants() => base.Descendants().Concat(_left.Descendants()).Concat(_right.Descendants());

        private object Arithmetic(object? left, object? right)
        {
            if (left is long a && right is long b)
            {
                switch (Operator)
                {
                    case "+": return a + b;
                    case "-": return a - b;
                    case "*": return a * b;
                    case "/" when b == 0:
                    case "%" when b == 0:
                        throw new ExpressionException(ExpressionProblem.Evaluation, "Division by zero", Position);
                    case "/": return a / b;
                    default: return a % b;
                }
            }

            var x = ElValues.ToDouble(left, Operator, Position);
            var y = ElValues.ToDouble(right, Operator, Position);
            switch (Operator)
            {
                case "+": return x + y;
                case "-": return x - y;
                case "*": return x * y;
                case "/": return x / y;
                default: return x % y;
            }
        }
    }
}
