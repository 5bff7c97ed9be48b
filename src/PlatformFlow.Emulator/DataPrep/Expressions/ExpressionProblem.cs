namespace PlatformFlow.Emulator.DataPrep.Expressions
{
    /// <summary>The kinds of problem the validation endpoints name (<c>errorCode</c> in their answers).</summary>
    public enum ExpressionProblem
    {
        /// <summary>The text is not an expression of the language (a stray character, an unclosed string or call).</summary>
        Syntax,

        /// <summary>A function the language (as the emulator implements it) does not have.</summary>
        UnknownFunction,

        /// <summary>A known function called with too few or too many arguments.</summary>
        WrongArgumentCount,

        /// <summary>A value of the wrong type for a function, an operator or the destination.</summary>
        TypeMismatch,

        /// <summary>A function that failed on its arguments (e.g. <c>to_integer("abc")</c>).</summary>
        Evaluation,
    }
}
