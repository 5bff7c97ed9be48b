using System;
using System.Collections.Generic;
using System.Linq;

namespace PlatformFlow.Emulator.DataPrep.Expressions
{
    /// <summary>The evaluated arguments of one call, with typed accessors that name the function when a value does not fit.</summary>
    internal sealed class ElArguments
    {
        private readonly string _function;

        public ElArguments(string function, IReadOnlyList<object?> values, ElScope scope)
        {
            _function = function;
            Values = values;
            Scope = scope;
        }

        public IReadOnlyList<object?> Values { get; }

        public ElScope Scope { get; }

        public int Count => Values.Count;

        public object? this[int index] => index < Values.Count ? Values[index] : null;

        public bool Has(int index) => index < Values.Count && Values[index] != null;

        /// <summary>The argument as text; null stays null.</summary>
        public string? Text(int index) => this[index] is object value ? ElValues.Text(value) : null;

        public string TextOr(int index, string fallback) => Has(index) ? ElValues.Text(Values[index]) : fallback;

        public long Integer(int index) => ElValues.ToLong(this[index], _function + " argument " + (index + 1), -1);

        public long IntegerOr(int index, long fallback) => Has(index) ? Integer(index) : fallback;

        public bool Boolean(int index) => this[index] is bool flag ? flag
            : this[index] is string text && bool.TryParse(text, out var parsed) ? parsed
            : throw ElValues.Mismatch(this[index], "true or false", _function + " argument " + (index + 1), -1);

        public List<object?> Array(int index) => this[index] is List<object?> items ? items
            : this[index] is null ? new List<object?>()
            : throw ElValues.Mismatch(this[index], "an array", _function + " argument " + (index + 1), -1);

        public Dictionary<string, object?> Object(int index) => this[index] is Dictionary<string, object?> members ? members
            : throw ElValues.Mismatch(this[index], "an object", _function + " argument " + (index + 1), -1);

        public ZonedDate Date(int index) => this[index] is ZonedDate date ? date
            : this[index] is string text ? DateFunctions.ParseLoose(text) ?? throw ElValues.Mismatch(text, "a date", _function + " argument " + (index + 1), -1)
            : throw ElValues.Mismatch(this[index], "a date", _function + " argument " + (index + 1), -1);

        /// <summary>The arguments from <paramref name="start"/> on.</summary>
        public List<object?> From(int start) => Values.Skip(start).ToList();

        public ExpressionException Fail(string message) => new ExpressionException(ExpressionProblem.Evaluation, _function + ": " + message, -1, _function);

        public DateTimeOffset Now => Scope.Clock.GetUtcNow();
    }
}
