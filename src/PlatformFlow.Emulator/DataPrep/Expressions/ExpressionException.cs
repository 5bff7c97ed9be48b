using System;

namespace PlatformFlow.Emulator.DataPrep.Expressions
{
    /// <summary>Why an expression was refused or failed, and where: the validation and preview answers quote it.</summary>
    public sealed class ExpressionException : Exception
    {
        public ExpressionException(ExpressionProblem problem, string message, int position = -1, string? functionName = null)
            : base(position >= 0 ? message + " (at character " + (position + 1) + ")" : message)
        {
            Problem = problem;
            Position = position;
            FunctionName = functionName;
        }

        public ExpressionProblem Problem { get; }

        /// <summary>Zero-based offset in the expression text, or -1 when the problem has no single place.</summary>
        public int Position { get; }

        /// <summary>The function the problem is about (an unknown one, or one called with the wrong arguments).</summary>
        public string? FunctionName { get; }
    }
}
