using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace PlatformFlow.Emulator.DataPrep.Expressions
{
    /// <summary>
    /// Recursive-descent parser of the Data Prep expression language into <see cref="ExpressionNode"/>s. Precedence, lowest
    /// first: <c>?:</c>, <c>|| or</c>, <c>&amp;&amp; and</c>, <c>|</c>, <c>^</c>, <c>&amp;</c>, <c>== != eq ne</c>,
    /// <c>&lt; &gt; &lt;= &gt;= lt gt le ge</c>, <c>+ -</c>, <c>* / % div mod</c>, unary <c>- ! not ~</c>, then calls, method
    /// calls (<c>"s".equalsIgnoreCase("S")</c>), fields with dots, literals, <c>[...]</c> and <c>{...}</c>.
    /// Functions are resolved (and their argument counts checked) while parsing, so an unknown one is a validation error.
    /// </summary>
    internal sealed class Parser
    {
        /// <summary>The platform's reserved words; a field with one of these names must be written <c>${name}</c>.</summary>
        public static readonly IReadOnlyCollection<string> ReservedWords = new HashSet<string>(StringComparer.Ordinal)
        {
            "new", "mod", "or", "break", "var", "lt", "for", "false", "while", "eq", "gt", "div", "not", "null", "continue",
            "else", "and", "ne", "true", "le", "if", "ge", "return", "_errors", "do", "function", "empty", "size",
        };

        private static readonly Dictionary<string, string> WordOperators = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["or"] = "||", ["and"] = "&&", ["eq"] = "==", ["ne"] = "!=", ["lt"] = "<", ["gt"] = ">", ["le"] = "<=", ["ge"] = ">=",
            ["div"] = "/", ["mod"] = "%", ["not"] = "!",
        };

        private static readonly string[][] BinaryLevels =
        {
            new[] { "||" },
            new[] { "&&" },
            new[] { "|" },
            new[] { "^" },
            new[] { "&" },
            new[] { "==", "!=" },
            new[] { "<", ">", "<=", ">=" },
            new[] { "+", "-" },
            new[] { "*", "/", "%" },
        };

        private readonly List<Token> _tokens;
        private readonly ElFunctionLibrary _library;
        private int _next;

        private Parser(List<Token> tokens, ElFunctionLibrary library)
        {
            _tokens = tokens;
            _library = library;
        }

        public static ExpressionNode Parse(string text, ElFunctionLibrary library)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                throw new ExpressionException(ExpressionProblem.Syntax, "The expression is empty");
            }

            var parser = new Parser(Lexer.Tokenize(text), library);
            var root = parser.Conditional();
            if (parser.Peek.Kind != TokenKind.End)
            {
                throw new ExpressionException(ExpressionProblem.Syntax, "Unexpected " + parser.Peek + " after a complete expression", parser.Peek.Position);
            }

            return root;
        }

        private Token Peek => _tokens[_next];

        private Token Advance() => _tokens[_next++];

        private Token Expect(TokenKind kind, string what)
        {
            if (Peek.Kind != kind)
            {
                throw new ExpressionException(ExpressionProblem.Syntax, "Expected " + what + " but found " + Peek, Peek.Position);
            }

            return Advance();
        }

        private ExpressionNode Conditional()
        {
            var condition = Binary(0);
            if (Peek.Kind != TokenKind.Question)
            {
                return condition;
            }

            var position = Advance().Position;
            if (Peek.Kind == TokenKind.Colon)
            {
                Advance();
                return new ConditionalNode(condition, null, Conditional(), position);
            }

            var whenTrue = Conditional();
            Expect(TokenKind.Colon, "':' of a conditional (a ? b : c)");
            return new ConditionalNode(condition, whenTrue, Conditional(), position);
        }

        private ExpressionNode Binary(int level)
        {
            if (level == BinaryLevels.Length)
            {
                return Unary();
            }

            var left = Binary(level + 1);
            while (BinaryOperator() is string op && BinaryLevels[level].Contains(op))
            {
                var position = Advance().Position;
                left = new BinaryNode(op, left, Binary(level + 1), position);
            }

            return left;
        }

        /// <summary>The next token as a binary operator symbol (word forms mapped), or null.</summary>
        private string? BinaryOperator()
        {
            var token = Peek;
            if (token.Kind == TokenKind.Operator && token.Text != "!" && token.Text != "~")
            {
                return token.Text;
            }

            return token.Kind == TokenKind.Identifier && token.Text != "not" && WordOperators.TryGetValue(token.Text, out var symbol) ? symbol : null;
        }

        private ExpressionNode Unary()
        {
            var token = Peek;
            var op = token.Kind == TokenKind.Operator && (token.Text == "-" || token.Text == "!" || token.Text == "~") ? token.Text
                : token.Is(TokenKind.Identifier, "not") ? "!"
                : null;
            if (op is null)
            {
                return Postfix(Primary());
            }

            Advance();
            var operand = Unary();
            if (op == "-" && operand is LiteralNode literal && literal.Evaluate(null!) is object value && ElValues.IsNumber(value))
            {
                return new LiteralNode(value is long whole ? -whole : (object)(-(double)value), token.Position);
            }

            return new UnaryNode(op, operand, token.Position);
        }

        /// <summary>Method calls and member steps after a primary: <c>x.equals(y)</c>, <c>str_to_object(s).get("k")</c>, <c>name.firstName</c>.</summary>
        private ExpressionNode Postfix(ExpressionNode target)
        {
            while (Peek.Kind == TokenKind.Dot)
            {
                Advance();
                var member = Peek.Kind == TokenKind.Identifier || Peek.Kind == TokenKind.Field
                    ? Advance()
                    : throw new ExpressionException(ExpressionProblem.Syntax, "Expected a field or method name after '.' but found " + Peek, Peek.Position);
                if (member.Kind == TokenKind.Identifier && Peek.Kind == TokenKind.LeftParen)
                {
                    var arguments = new List<ExpressionNode> { target };
                    arguments.AddRange(Arguments());
                    target = Call(member, arguments);
                }
                else if (target is FieldNode field)
                {
                    target = member.Kind == TokenKind.Field ? new FieldNode(field.Segments.Concat(EscapedSegments(member)).ToList(), field.Position) : field.Child(member.Text);
                }
                else
                {
                    // A member of a computed object: json_to_object(s).info is get(json_to_object(s), "info").
                    var get = _library.Find("get")!;
                    target = new CallNode(get, new ExpressionNode[] { target, new LiteralNode(string.Join(".", member.Kind == TokenKind.Field ? EscapedSegments(member) : new List<string> { member.Text }), member.Position) }, member.Position);
                }
            }

            return target;
        }

        private ExpressionNode Primary()
        {
            var token = Advance();
            switch (token.Kind)
            {
                case TokenKind.String:
                    return new LiteralNode(token.Text, token.Position);
                case TokenKind.Integer:
                    return long.TryParse(token.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var whole)
                        ? new LiteralNode(whole, token.Position)
                        : new LiteralNode(double.Parse(token.Text, CultureInfo.InvariantCulture), token.Position);
                case TokenKind.Decimal:
                    return new LiteralNode(double.Parse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture), token.Position);
                case TokenKind.Field:
                    return new FieldNode(EscapedSegments(token), token.Position);
                case TokenKind.LeftParen:
                    var inner = Conditional();
                    Expect(TokenKind.RightParen, "')'");
                    return inner;
                case TokenKind.LeftBracket:
                    return new ArrayNode(Items(TokenKind.RightBracket, "']'"), token.Position);
                case TokenKind.LeftBrace:
                    return ObjectLiteral(token.Position);
                case TokenKind.Identifier:
                    return Identifier(token);
                default:
                    throw new ExpressionException(ExpressionProblem.Syntax, "Unexpected " + token, token.Position);
            }
        }

        private ExpressionNode Identifier(Token token)
        {
            switch (token.Text)
            {
                case "true":
                    return new LiteralNode(true, token.Position);
                case "false":
                    return new LiteralNode(false, token.Position);
                case "null":
                    return new LiteralNode(null, token.Position);
            }

            if (Peek.Kind == TokenKind.LeftParen)
            {
                return Call(token, Arguments());
            }

            if (ReservedWords.Contains(token.Text) || _library.Find(token.Text) != null)
            {
                throw new ExpressionException(ExpressionProblem.Syntax, "'" + token.Text + "' is a reserved word of the language; write the field as ${" + token.Text + "}", token.Position);
            }

            return new FieldNode(new[] { token.Text }, token.Position);
        }

        private ExpressionNode Call(Token name, List<ExpressionNode> arguments)
        {
            var function = _library.Find(name.Text)
                ?? throw new ExpressionException(ExpressionProblem.UnknownFunction, "Unknown function '" + name.Text + "'" + Nearest(name.Text), name.Position, name.Text);
            if (arguments.Count < function.MinArguments || arguments.Count > function.MaxArguments)
            {
                throw new ExpressionException(
                    ExpressionProblem.WrongArgumentCount,
                    "Function '" + function.Name + "' " + function.Arity + " (" + function.Syntax + "), not " + arguments.Count,
                    name.Position,
                    function.Name);
            }

            return new CallNode(function, arguments, name.Position);
        }

        private string Nearest(string name)
        {
            var near = _library.All.Select(f => f.Name)
                .Where(f => string.Equals(f, name, StringComparison.OrdinalIgnoreCase) || f.StartsWith(name, StringComparison.OrdinalIgnoreCase) || name.StartsWith(f, StringComparison.OrdinalIgnoreCase))
                .Take(3)
                .ToList();
            return near.Count == 0 ? "; the Data Prep mapping functions page lists the supported ones" : " (did you mean " + string.Join(", ", near) + "?)";
        }

        private List<ExpressionNode> Arguments()
        {
            Expect(TokenKind.LeftParen, "'('");
            return Items(TokenKind.RightParen, "')'");
        }

        private List<ExpressionNode> Items(TokenKind close, string closeText)
        {
            var items = new List<ExpressionNode>();
            if (Peek.Kind == close)
            {
                Advance();
                return items;
            }

            while (true)
            {
                items.Add(Conditional());
                if (Peek.Kind == TokenKind.Comma)
                {
                    Advance();
                    continue;
                }

                Expect(close, "',' or " + closeText);
                return items;
            }
        }

        private ExpressionNode ObjectLiteral(int position)
        {
            var members = new List<KeyValuePair<string, ExpressionNode>>();
            if (Peek.Kind == TokenKind.RightBrace)
            {
                Advance();
                return new ObjectNode(members, position);
            }

            while (true)
            {
                var key = Peek.Kind == TokenKind.String || Peek.Kind == TokenKind.Identifier
                    ? Advance().Text
                    : throw new ExpressionException(ExpressionProblem.Syntax, "Expected an object key (a string) but found " + Peek, Peek.Position);
                Expect(TokenKind.Colon, "':' after the object key");
                members.Add(new KeyValuePair<string, ExpressionNode>(key, Conditional()));
                if (Peek.Kind == TokenKind.Comma)
                {
                    Advance();
                    continue;
                }

                Expect(TokenKind.RightBrace, "',' or '}'");
                return new ObjectNode(members, position);
            }
        }

        /// <summary>The path inside <c>${...}</c>: unescaped dots separate levels, <c>\.</c> is a dot in a name.</summary>
        private static List<string> EscapedSegments(Token field)
        {
            var segments = new List<string>();
            var current = new StringBuilder();
            for (var i = 0; i < field.Text.Length; i++)
            {
                var c = field.Text[i];
                if (c == '\\' && i + 1 < field.Text.Length)
                {
                    current.Append(field.Text[++i]);
                }
                else if (c == '.')
                {
                    segments.Add(current.ToString());
                    current.Clear();
                }
                else
                {
                    current.Append(c);
                }
            }

            segments.Add(current.ToString());
            if (segments.Any(s => s.Length == 0))
            {
                throw new ExpressionException(ExpressionProblem.Syntax, "The field ${" + field.Text + "} has an empty name between dots", field.Position);
            }

            return segments;
        }
    }
}
