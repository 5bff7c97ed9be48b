using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace PlatformFlow.Emulator.DataPrep.Expressions
{
    /// <summary>
    /// A parsed Data Prep expression (a calculated field): the fields it reads, the functions it calls, its type, and its
    /// value over a source row. <see cref="Parse"/> throws <see cref="ExpressionException"/> for text that is not an
    /// expression, an unknown function (named in the message) or a call with the wrong number of arguments.
    /// </summary>
    public sealed class ElExpression
    {
        private readonly ExpressionNode _root;

        private ElExpression(string text, ExpressionNode root)
        {
            Text = text;
            _root = root;
        }

        public string Text { get; }

        /// <summary>The source fields the expression reads, as dotted paths (<c>Email</c>, <c>name.firstName</c>).</summary>
        public IReadOnlyList<string> Fields => _root.Descendants().OfType<FieldNode>().Select(f => f.Path).Distinct(StringComparer.Ordinal).ToList();

        public IReadOnlyList<string> Functions => _root.Descendants().OfType<CallNode>().Select(c => c.Function.Name).Distinct(StringComparer.Ordinal).ToList();

        public static ElExpression Parse(string text) => new ElExpression(text, Parser.Parse(text, ElFunctionLibrary.Instance));

        /// <summary>The first field the expression reads that <paramref name="isKnown"/> refuses, or null.</summary>
        public string? UnknownField(Func<IReadOnlyList<string>, bool> isKnown) =>
            _root.Descendants().OfType<FieldNode>().FirstOrDefault(f => !isKnown(f.Segments))?.Path;

        /// <param name="fieldType">The type of a source field by path (<see cref="ElType.Any"/> when not known).</param>
        public ElType InferType(Func<IReadOnlyList<string>, ElType> fieldType) => _root.InferType(fieldType);

        /// <summary>The value over <paramref name="row"/> (a value of <see cref="ElValues"/>).</summary>
        public object? Evaluate(JsonObject? row, TimeProvider clock) => _root.Evaluate(new ElScope(row, clock));

        /// <summary>The value over <paramref name="row"/> as JSON.</summary>
        public JsonNode? EvaluateToJson(JsonObject? row, TimeProvider clock) => ElValues.ToJson(Evaluate(row, clock));
    }
}
