using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace PlatformFlow.Emulator.DataPrep.Expressions
{
    /// <summary>
    /// Splits an expression into tokens: identifiers (fields, functions, word operators), <c>${...}</c> escaped fields,
    /// single- or double-quoted strings with backslash escapes, integer and decimal numbers, operators and punctuation.
    /// </summary>
    internal static class Lexer
    {
        private static readonly string[] TwoCharacterOperators = { "==", "!=", "<=", ">=", "&&", "||" };
        private const string OneCharacterOperators = "+-*/%<>!~&|^";

        public static List<Token> Tokenize(string text)
        {
            var tokens = new List<Token>();
            var i = 0;
            while (i < text.Length)
            {
                var c = text[i];
                if (char.IsWhiteSpace(c))
                {
                    i++;
                    continue;
                }

                var start = i;
                if (c == '$' && i + 1 < text.Length && text[i + 1] == '{')
                {
                    tokens.Add(EscapedField(text, ref i));
                }
                else if (char.IsLetter(c) || c == '_' || c == '$')
                {
                    while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_' || text[i] == '$'))
                    {
                        i++;
                    }

                    tokens.Add(new Token(TokenKind.Identifier, text.Substring(start, i - start), start));
                }
                else if (char.IsDigit(c))
                {
                    tokens.Add(Number(text, ref i));
                }
                else if (c == '"' || c == '\'')
                {
                    tokens.Add(QuotedString(text, ref i));
                }
                else if (i + 1 < text.Length && System.Array.IndexOf(TwoCharacterOperators, text.Substring(i, 2)) >= 0)
                {
                    tokens.Add(new Token(TokenKind.Operator, text.Substring(i, 2), start));
                    i += 2;
                }
                else
                {
                    tokens.Add(Punctuation(c, start));
                    i++;
                }
            }

            tokens.Add(new Token(TokenKind.End, string.Empty, text.Length));
            return tokens;
        }

        private static Token Punctuation(char c, int position)
        {
            switch (c)
            {
                case '(': return new Token(TokenKind.LeftParen, "(", position);
                case ')': return new Token(TokenKind.RightParen, ")", position);
                case '[': return new Token(TokenKind.LeftBracket, "[", position);
                case ']': return new Token(TokenKind.RightBracket, "]", position);
                case '{': return new Token(TokenKind.LeftBrace, "{", position);
                case '}': return new Token(TokenKind.RightBrace, "}", position);
                case ',': return new Token(TokenKind.Comma, ",", position);
                case '.': return new Token(TokenKind.Dot, ".", position);
                case ':': return new Token(TokenKind.Colon, ":", position);
                case '?': return new Token(TokenKind.Question, "?", position);
                default:
                    if (OneCharacterOperators.IndexOf(c) >= 0)
                    {
                        return new Token(TokenKind.Operator, c.ToString(), position);
                    }

                    throw new ExpressionException(ExpressionProblem.Syntax, "Unexpected character '" + c + "'", position);
            }
        }

        /// <summary><c>${First Name}</c>, <c>${First\.Name}</c>: the raw inside, unescaped later by the parser into path segments.</summary>
        private static Token EscapedField(string text, ref int i)
        {
            var start = i;
            i += 2;
            var inside = new StringBuilder();
            while (i < text.Length && text[i] != '}')
            {
                if (text[i] == '\\' && i + 1 < text.Length)
                {
                    inside.Append(text[i]).Append(text[i + 1]);
                    i += 2;
                    continue;
                }

                inside.Append(text[i++]);
            }

            if (i >= text.Length)
            {
                throw new ExpressionException(ExpressionProblem.Syntax, "The field escape ${ is not closed with }", start);
            }

            i++;
            if (inside.Length == 0)
            {
                throw new ExpressionException(ExpressionProblem.Syntax, "The field escape ${} names no field", start);
            }

            return new Token(TokenKind.Field, inside.ToString(), start);
        }

        private static Token Number(string text, ref int i)
        {
            var start = i;
            var isDecimal = false;
            while (i < text.Length && char.IsDigit(text[i]))
            {
                i++;
            }

            if (i + 1 < text.Length && text[i] == '.' && char.IsDigit(text[i + 1]))
            {
                isDecimal = true;
                i++;
                while (i < text.Length && char.IsDigit(text[i]))
                {
                    i++;
                }
            }

            if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
            {
                var exponent = i + 1;
                if (exponent < text.Length && (text[exponent] == '+' || text[exponent] == '-'))
                {
                    exponent++;
                }

                if (exponent < text.Length && char.IsDigit(text[exponent]))
                {
                    isDecimal = true;
                    i = exponent;
                    while (i < text.Length && char.IsDigit(text[i]))
                    {
                        i++;
                    }
                }
            }

            var literal = text.Substring(start, i - start);
            if (i < text.Length && (char.IsLetter(text[i]) || text[i] == '_'))
            {
                throw new ExpressionException(ExpressionProblem.Syntax, "A number cannot run into a name ('" + literal + text[i] + "...')", start);
            }

            return new Token(isDecimal ? TokenKind.Decimal : TokenKind.Integer, literal, start);
        }

        private static Token QuotedString(string text, ref int i)
        {
            var start = i;
            var quote = text[i++];
            var value = new StringBuilder();
            while (i < text.Length && text[i] != quote)
            {
                if (text[i] != '\\')
                {
                    value.Append(text[i++]);
                    continue;
                }

                if (i + 1 >= text.Length)
                {
                    break;
                }

                var escaped = text[i + 1];
                i += 2;
                switch (escaped)
                {
                    case 'n': value.Append('\n'); break;
                    case 't': value.Append('\t'); break;
                    case 'r': value.Append('\r'); break;
                    case 'b': value.Append('\b'); break;
                    case 'f': value.Append('\f'); break;
                    case 'u' when i + 4 <= text.Length && int.TryParse(text.Substring(i, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code):
                        value.Append((char)code);
                        i += 4;
                        break;
                    default:
                        // \" \' \\ stand for the character itself; so does any other escaped character (\| stays |).
                        value.Append(escaped);
                        break;
                }
            }

            if (i >= text.Length)
            {
                throw new ExpressionException(ExpressionProblem.Syntax, "The string starting here is not closed with " + quote, start);
            }

            i++;
            return new Token(TokenKind.String, value.ToString(), start);
        }
    }
}
