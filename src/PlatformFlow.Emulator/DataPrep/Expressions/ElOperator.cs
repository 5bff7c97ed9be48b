using System.Collections.Generic;

namespace PlatformFlow.Emulator.DataPrep.Expressions
{
    /// <summary>One operator as <c>GET /languages/el/operators</c> lists it.</summary>
    public sealed class ElOperator
    {
        private ElOperator(string symbol, string methodName, int operands, string description, string example)
        {
            Symbol = symbol;
            MethodName = methodName;
            Operands = operands;
            Description = description;
            Example = example;
        }

        /// <summary>Every operator the parser reads, lowest precedence first within each group.</summary>
        public static IReadOnlyList<ElOperator> All { get; } = new[]
        {
            new ElOperator("+", "add", 2, "Simple arithmetic addition; concatenation when either side is a string", "1 + 2"),
            new ElOperator("-", "subtract", 2, "Simple arithmetic subtraction", "3 - 1"),
            new ElOperator("*", "multiply", 2, "Simple arithmetic multiplication", "2 * 3"),
            new ElOperator("/", "divide", 2, "Simple arithmetic division (whole numbers give a whole number); also written div", "1 / 2"),
            new ElOperator("%", "mod", 2, "Remainder of a division; also written mod", "7 % 3"),
            new ElOperator("==", "equals", 2, "Equality; also written eq", "1 == 1"),
            new ElOperator("!=", "notEquals", 2, "Inequality; also written ne", "1 != 2"),
            new ElOperator("<", "lessThan", 2, "Less than; also written lt", "1 < 2"),
            new ElOperator("<=", "lessThanOrEqual", 2, "Less than or equal; also written le", "1 <= 2"),
            new ElOperator(">", "greaterThan", 2, "Greater than; also written gt", "2 > 1"),
            new ElOperator(">=", "greaterThanOrEqual", 2, "Greater than or equal; also written ge", "2 >= 1"),
            new ElOperator("&&", "and", 2, "Logical and (the second operand is evaluated only when needed); also written and", "cond1 && cond2"),
            new ElOperator("||", "or", 2, "Logical or (the second operand is evaluated only when needed); also written or", "cond1 || cond2"),
            new ElOperator("&", "bitwiseAnd", 2, "Bitwise and of two integers", "12 & 10"),
            new ElOperator("|", "bitwiseOr", 2, "Bitwise or of two integers", "12 | 10"),
            new ElOperator("^", "bitwiseXor", 2, "Bitwise exclusive or of two integers", "12 ^ 10"),
            new ElOperator("?:", "ternary", 3, "cond ? a : b gives a when cond is true, else b; x ?: y gives x unless it is null or false", "x > 0 ? \"positive\" : \"other\""),
            new ElOperator("~", "complement", 1, "The usual ~ operator is used, e.g., ~33, ~0010 0001 = 1101 1110 = -34.", "~44"),
            new ElOperator("-", "negate", 1, "The unary - operator is used. For example, -12", "-12"),
            new ElOperator("!", "not", 1, "The usual ! operator can be used as well as the word not, e.g., !cond1 and not cond1 are equivalent", "!cond1"),
        };

        public string Symbol { get; }

        public string MethodName { get; }

        public int Operands { get; }

        public string Description { get; }

        public string Example { get; }
    }
}
