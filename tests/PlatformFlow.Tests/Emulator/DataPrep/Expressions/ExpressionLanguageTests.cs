using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PlatformFlow.Emulator.DataPrep.Expressions;
using PlatformFlow.Tests.Support;
using Xunit;

namespace PlatformFlow.Tests.Emulator.DataPrep.Expressions
{
    /// <summary>The language around the functions: fields, literals, operators and their precedence, and the errors that name what is wrong.</summary>
    public sealed class ExpressionLanguageTests
    {
        private static readonly ManualTimeProvider Clock = new ManualTimeProvider();

        private const string Row = @"{""Email"": ""Mia@Example.com"", ""First Name"": ""Mia"", ""First.Name"": ""flat"", ""name"": {""firstName"": ""Mia"", ""last.name"": ""Jensen""},
            ""Orders"": 3, ""Total"": 129.9, ""Paid"": true, ""Tags"": [""a"", ""b""], ""if"": ""reserved""}";

        [Theory]
        [InlineData("Email", "\"Mia@Example.com\"")]
        [InlineData("name.firstName", "\"Mia\"")]
        [InlineData("${First Name}", "\"Mia\"")]
        [InlineData("${First.Name}", "\"flat\"")]
        [InlineData("${name.last\\.name}", "\"Jensen\"")]
        [InlineData("${if}", "\"reserved\"")]
        [InlineData("Missing", "null")]
        [InlineData("Tags", "[\"a\",\"b\"]")]
        public void Fields_are_read_from_the_row(string expression, string expected) => Assert.Equal(expected, Evaluate(expression));

        [Theory]
        [InlineData("1 + 2 * 3", "7")]
        [InlineData("(1 + 2) * 3", "9")]
        [InlineData("7 / 2", "3")]
        [InlineData("7 div 2", "3")]
        [InlineData("7.0 / 2", "3.5")]
        [InlineData("7 % 3", "1")]
        [InlineData("7 mod 3", "1")]
        [InlineData("-Orders + 1", "-2")]
        [InlineData("~44", "-45")]
        [InlineData("12 & 10", "8")]
        [InlineData("12 | 10", "14")]
        [InlineData("12 ^ 10", "6")]
        [InlineData("\"n=\" + Orders", "\"n=3\"")]
        [InlineData("Orders > 2 && Paid", "true")]
        [InlineData("Orders gt 5 or not Paid", "false")]
        [InlineData("Orders == 3.0", "true")]
        [InlineData("Orders eq 3 and Total ge 100", "true")]
        [InlineData("\"b\" < \"a\"", "false")]
        [InlineData("Orders != 3", "false")]
        [InlineData("Orders > 2 ? \"many\" : \"few\"", "\"many\"")]
        [InlineData("Missing ?: \"fallback\"", "\"fallback\"")]
        [InlineData("!Paid || Orders < 1", "false")]
        [InlineData("Missing || Paid", "true")]
        [InlineData("'single \\'quoted\\''", "\"single \\u0027quoted\\u0027\"")]
        [InlineData("\"tab\\there\"", "\"tab\\there\"")]
        [InlineData("[1, 2.5, \"x\", null, true]", "[1,2.5,\"x\",null,true]")]
        [InlineData("{\"a\": {\"b\": 1}}.a.b", "1")]
        [InlineData("lower(concat(name.firstName, \" \", ${name.last\\.name}))", "\"mia jensen\"")]
        [InlineData("iif(Email.equalsIgnoreCase(\"mia@example.com\"), upper(left(Email, 3)), \"no\")", "\"MIA\"")]
        [InlineData("size_of(Tags) * 10 + to_integer(\"2\")", "22")]
        public void Operators_follow_the_language_precedence_and_types(string expression, string expected) => Assert.Equal(expected, Evaluate(expression));

        [Theory]
        [InlineData("shout(Email)", ExpressionProblem.UnknownFunction, "Unknown function 'shout'")]
        [InlineData("LOWER(Email)", ExpressionProblem.UnknownFunction, "Unknown function 'LOWER' (did you mean lower")]
        [InlineData("ua_os_name(Agent)", ExpressionProblem.UnknownFunction, "Unknown function 'ua_os_name'")]
        [InlineData("lower(Email, Phone)", ExpressionProblem.WrongArgumentCount, "Function 'lower' takes 1 argument (lower(INPUT)), not 2")]
        [InlineData("substr(Email)", ExpressionProblem.WrongArgumentCount, "Function 'substr' takes 3 arguments")]
        [InlineData("now(1)", ExpressionProblem.WrongArgumentCount, "Function 'now' takes 0 arguments")]
        [InlineData("concat(Email,", ExpressionProblem.Syntax, "Unexpected the end of the expression (at character 14)")]
        [InlineData("concat(Email", ExpressionProblem.Syntax, "Expected ',' or ')' but found the end of the expression")]
        [InlineData("\"open", ExpressionProblem.Syntax, "The string starting here is not closed")]
        [InlineData("Email # 1", ExpressionProblem.Syntax, "Unexpected character '#' (at character 7)")]
        [InlineData("if + 1", ExpressionProblem.Syntax, "'if' is a reserved word of the language; write the field as ${if}")]
        [InlineData("lower + 1", ExpressionProblem.Syntax, "'lower' is a reserved word")]
        [InlineData("${First Name", ExpressionProblem.Syntax, "The field escape ${ is not closed")]
        [InlineData("1 2", ExpressionProblem.Syntax, "Unexpected '2' after a complete expression")]
        [InlineData("a ? b", ExpressionProblem.Syntax, "Expected ':' of a conditional")]
        [InlineData("", ExpressionProblem.Syntax, "The expression is empty")]
        public void Invalid_expressions_are_refused_naming_the_problem(string expression, ExpressionProblem problem, string message)
        {
            var error = Assert.Throws<ExpressionException>(() => ElExpression.Parse(expression));

            Assert.Equal(problem, error.Problem);
            Assert.StartsWith(message, error.Message);
        }

        [Theory]
        [InlineData("to_integer(Email)", ExpressionProblem.Evaluation, "to_integer failed")]
        [InlineData("Orders / 0", ExpressionProblem.Evaluation, "Division by zero")]
        [InlineData("Email * 2", ExpressionProblem.TypeMismatch, "* needs a number, not string 'Mia@Example.com'")]
        [InlineData("matches_regex(Email, \"(\")", ExpressionProblem.Evaluation, "matches_regex: '(' is not a regular expression")]
        [InlineData("zone_date_to_zone(now(), \"Mars/Olympus\")", ExpressionProblem.Evaluation, "zone_date_to_zone failed: 'Mars/Olympus' is not a time zone")]
        public void Failures_on_a_row_name_the_function(string expression, ExpressionProblem problem, string message)
        {
            var parsed = ElExpression.Parse(expression);

            var error = Assert.Throws<ExpressionException>(() => parsed.Evaluate(JsonNode.Parse(Row)!.AsObject(), Clock));

            Assert.Equal(problem, error.Problem);
            Assert.StartsWith(message, error.Message);
        }

        [Fact]
        public void An_expression_knows_the_fields_it_reads_the_functions_it_calls_and_its_type()
        {
            var parsed = ElExpression.Parse("concat(First_Name, \" \", ${Last Name}, name.title) + to_integer(Age)");

            Assert.Equal(new[] { "First_Name", "Last Name", "name.title", "Age" }, parsed.Fields);
            Assert.Equal(new[] { "concat", "to_integer" }, parsed.Functions);
            Assert.Equal(ElType.String, parsed.InferType(_ => ElType.Any));
            Assert.Equal(ElType.Integer, ElExpression.Parse("to_integer(Age) * 2").InferType(_ => ElType.Any));
            Assert.Equal(ElType.Array, ElExpression.Parse("split(Email, \"@\")").InferType(_ => ElType.Any));
            Assert.Equal("Last Name", parsed.UnknownField(path => path[0] != "Last Name"));
        }

        [Fact]
        public void Docs_list_exactly_the_supported_functions()
        {
            var docs = File.ReadAllText(Path.Combine(ContractFiles.RepositoryRoot, "docs", "emulator.md"));
            var section = docs.Substring(docs.IndexOf("### The expression language", StringComparison.Ordinal));
            var listed = Regex.Matches(section, @"^\| [A-Za-z -]+ \| (?<names>`.*`) \|$", RegexOptions.Multiline)
                .SelectMany(m => Regex.Matches(m.Groups["names"].Value, "`([A-Za-z_0-9]+)`").Select(n => n.Groups[1].Value))
                .ToList();

            Assert.Equal(ElFunctionLibrary.Instance.All.Select(f => f.Name).OrderBy(n => n, StringComparer.Ordinal), listed.OrderBy(n => n, StringComparer.Ordinal));
            Assert.Contains("The " + ElFunctionLibrary.Instance.All.Count + " supported functions", section);
        }

        private static string Evaluate(string expression) =>
            ElExpression.Parse(expression).EvaluateToJson(JsonNode.Parse(Row)!.AsObject(), Clock)?.ToJsonString() ?? "null";
    }
}
