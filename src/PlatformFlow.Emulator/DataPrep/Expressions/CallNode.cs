using System;
using System.Collections.Generic;
using System.Linq;

namespace PlatformFlow.Emulator.DataPrep.Expressions
{
    /// <summary>A function call, <c>lower(Email)</c>; a method call <c>a.equals(b)</c> is the call <c>equals(a, b)</c>.</summary>
    internal sealed class CallNode : ExpressionNode
    {
        private readonly IReadOnlyList<ExpressionNode> _arguments;

        public CallNode(ElFunction function, IReadOnlyList<ExpressionNode> arguments, int position)
            : base(position)
        {
            Function = function;
            _arguments = arguments;
        }

        public ElFunction Function { get; }

        public override object? Evaluate(ElScope scope)
        {
            var values = _arguments.Select(a => a.Evaluate(scope)).ToArray();
            try
            {
                return Function.Invoke(new ElArguments(Function.Name, values, scope));
            }
            catch (ExpressionException)
            {
                throw;
            }
            catch (Exception ex) when (ex is FormatException || ex is OverflowException || ex is ArgumentException || ex is InvalidOperationException || ex is TimeZoneNotFoundException)
            {
                throw new ExpressionException(ExpressionProblem.Evaluation, Function.Name + " failed: " + ex.Message, Position, Function.Name);
            }
        }

        public override ElType InferType(Func<IReadOnlyList<string>, ElType> fieldType) => Function.ReturnType;

        public override IEnumerable<ExpressionNode> Descendants() => base.Descendants().Concat(_arguments.SelectMany(a => a.Descendants()));
    }
}
