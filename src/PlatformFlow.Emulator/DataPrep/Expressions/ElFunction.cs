using System;
using System.Collections.Generic;

namespace PlatformFlow.Emulator.DataPrep.Expressions
{
    /// <summary>
    /// One function of the language as the platform's "Data Prep mapping functions" page documents it: name, group,
    /// syntax, parameters, the page's sample expression and output, how many arguments it takes, what it returns.
    /// </summary>
    public sealed class ElFunction
    {
        public const int Unbounded = int.MaxValue;

        internal ElFunction(
            string category,
            string name,
            string syntax,
            string description,
            IReadOnlyList<string> parameters,
            string example,
            string result,
            int minArguments,
            int maxArguments,
            ElType returnType,
            Func<ElArguments, object?> body)
        {
            Category = category;
            Name = name;
            Syntax = syntax;
            Description = description;
            Parameters = parameters;
            Example = example;
            Result = result;
            MinArguments = minArguments;
            MaxArguments = maxArguments;
            ReturnType = returnType;
            Body = body;
        }

        /// <summary>The page's group: String, Regular expression, Hashing, URL, Date and time, Hierarchies - Objects, ...</summary>
        public string Category { get; }

        public string Name { get; }

        public string Syntax { get; }

        public string Description { get; }

        /// <summary>Parameter names in order, as the page writes them (<c>INPUT</c>, <c>COUNT</c>...).</summary>
        public IReadOnlyList<string> Parameters { get; }

        /// <summary>The page's sample expression and its documented output.</summary>
        public string Example { get; }

        public string Result { get; }

        public int MinArguments { get; }

        public int MaxArguments { get; }

        public ElType ReturnType { get; }

        private Func<ElArguments, object?> Body { get; }

        internal object? Invoke(ElArguments arguments) => Body(arguments);

        /// <summary>"takes 2 arguments", "takes 1 to 3 arguments", "takes at least 1 argument".</summary>
        public string Arity =>
            MinArguments == MaxArguments ? "takes " + Count(MinArguments)
            : MaxArguments == Unbounded ? "takes at least " + Count(MinArguments)
            : "takes " + MinArguments + " to " + Count(MaxArguments);

        private static string Count(int n) => n + (n == 1 ? " argument" : " arguments");
    }
}
