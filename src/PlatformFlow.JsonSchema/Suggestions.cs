using System;
using System.Collections.Generic;
using System.Linq;

namespace PlatformFlow.JsonSchema
{
    /// <summary>"Did you mean": the known names closest to a mistyped one, by edit distance (the client's pre-flight checks and the emulator's answers suggest alike).</summary>
    public static class Suggestions
    {
        public static IReadOnlyList<string> Closest(string typed, IEnumerable<string> known, int count = 3)
        {
            var allowed = Math.Max(2, typed.Length / 5);
            return known
                .Select(name => (Name: name, Distance: Distance(typed.ToLowerInvariant(), name.ToLowerInvariant())))
                .Where(c => c.Distance <= allowed)
                .OrderBy(c => c.Distance)
                .ThenBy(c => c.Name, StringComparer.Ordinal)
                .Take(count)
                .Select(c => c.Name)
                .ToList();
        }

        /// <summary>Levenshtein distance.</summary>
        private static int Distance(string a, string b)
        {
            var previous = Enumerable.Range(0, b.Length + 1).ToArray();
            for (var i = 1; i <= a.Length; i++)
            {
                var current = new int[b.Length + 1];
                current[0] = i;
                for (var j = 1; j <= b.Length; j++)
                {
                    var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                    current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
                }

                previous = current;
            }

            return previous[b.Length];
        }
    }
}
