using System;
using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace PlatformFlow.JsonSchema
{
    /// <summary>
    /// JSON Schema patterns are ECMA-262 regular expressions, matched anywhere in the string (not anchored).
    /// .NET's ECMAScript option gives ASCII \d and \w; '$' is translated because .NET's '$' also matches before a
    /// final newline, which would let "123\n" pass "^[0-9]+$".
    /// </summary>
    internal static class EcmaScriptRegex
    {
        private static readonly ConcurrentDictionary<string, Regex> Compiled = new ConcurrentDictionary<string, Regex>();

        public static bool IsMatch(string keyword, string pattern, string text) =>
            Compiled.GetOrAdd(pattern, source => Create(keyword, source)).IsMatch(text);

        private static Regex Create(string keyword, string pattern)
        {
            var translated = AnchorDollarAtEnd(pattern);
            try
            {
                return new Regex(translated, RegexOptions.ECMAScript);
            }
            catch (ArgumentException)
            {
                // The ECMAScript option refuses constructs such as \p{L} that .NET otherwise understands.
            }

            try
            {
                return new Regex(translated, RegexOptions.CultureInvariant);
            }
            catch (ArgumentException error)
            {
                throw SchemaKeywords.Invalid(keyword, "a valid regular expression; '" + pattern + "' is not (" + error.Message + ")", error);
            }
        }

        private static string AnchorDollarAtEnd(string pattern)
        {
            var translated = new StringBuilder(pattern.Length + 4);
            var inCharacterClass = false;
            for (var i = 0; i < pattern.Length; i++)
            {
                var current = pattern[i];
                if (current == '\\' && i + 1 < pattern.Length)
                {
                    translated.Append(current).Append(pattern[++i]);
                    continue;
                }

                if (current == '[')
                {
                    inCharacterClass = true;
                }
                else if (current == ']')
                {
                    inCharacterClass = false;
                }

                translated.Append(current == '$' && !inCharacterClass ? @"\z" : current.ToString());
            }

            return translated.ToString();
        }
    }
}
