using System;
using System.Collections.Generic;
using System.Linq;

namespace PlatformFlow.Emulator.DataPrep.Expressions
{
    /// <summary>
    /// The functions the emulator's interpreter knows, by name (names are case-sensitive, as on the platform). Each group
    /// of the platform's page registers its functions from its own file (<see cref="StringFunctions"/>, ...).
    /// </summary>
    public sealed class ElFunctionLibrary
    {
        public static readonly ElFunctionLibrary Instance = Create();

        private readonly Dictionary<string, ElFunction> _functions = new Dictionary<string, ElFunction>(StringComparer.Ordinal);

        private ElFunctionLibrary()
        {
        }

        /// <summary>Every function, in the page's order.</summary>
        public IReadOnlyList<ElFunction> All => _functions.Values.ToList();

        public ElFunction? Find(string name) => _functions.TryGetValue(name, out var function) ? function : null;

        internal void Add(
            string category,
            string name,
            string syntax,
            string description,
            string example,
            string result,
            int minArguments,
            int maxArguments,
            ElType returnType,
            Func<ElArguments, object?> body)
        {
            var open = syntax.IndexOf('(');
            var parameters = open < 0 ? Array.Empty<string>()
                : syntax.Substring(open + 1).TrimEnd(')').Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries).Select(p => p.Trim().Trim('[', ']')).ToArray();
            _functions.Add(name, new ElFunction(category, name, syntax, description, parameters, example, result, minArguments, maxArguments, returnType, body));
        }

        private static ElFunctionLibrary Create()
        {
            var library = new ElFunctionLibrary();
            StringFunctions.Register(library);
            HashAndUrlFunctions.Register(library);
            DateFunctions.Register(library);
            HierarchyFunctions.Register(library);
            LogicalAndConversionFunctions.Register(library);
            return library;
        }
    }
}
