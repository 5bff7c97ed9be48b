using System.Text;

namespace PlatformFlow.Client.MappingSuggestions
{
    /// <summary>
    /// A column or field name as words: split at separators, camel case and digits, lower case, plurals folded
    /// (<c>Shipping_Address_City</c>, <c>shippingAddressCity</c> and <c>Shipping Address Cities</c> read alike).
    /// </summary>
    internal static class ColumnName
    {
        public static List<string> Words(string name)
        {
            var words = new List<string>();
            var current = new StringBuilder();
            for (var i = 0; i < name.Length; i++)
            {
                var c = name[i];
                if (!char.IsLetterOrDigit(c))
                {
                    Flush(current, words);
                    continue;
                }

                if (current.Length > 0 && StartsWord(name, i))
                {
                    Flush(current, words);
                }

                current.Append(char.ToLowerInvariant(c));
            }

            Flush(current, words);
            return words;
        }

        public static string Key(IEnumerable<string> words) => string.Join(" ", words);

        /// <summary>A new word at <paramref name="i"/>: lower to upper (<c>firstName</c>), the last capital of an acronym (<c>POBox</c>), letters to digits.</summary>
        private static bool StartsWord(string name, int i)
        {
            var previous = name[i - 1];
            var c = name[i];
            return (char.IsUpper(c) && char.IsLower(previous))
                || (char.IsUpper(c) && char.IsUpper(previous) && i + 1 < name.Length && char.IsLower(name[i + 1]))
                || (char.IsDigit(c) != char.IsDigit(previous) && char.IsLetterOrDigit(previous));
        }

        private static void Flush(StringBuilder current, List<string> words)
        {
            if (current.Length > 0)
            {
                words.Add(Singular(current.ToString()));
                current.Clear();
            }
        }

        /// <summary>Plurals as singulars (<c>points</c>, <c>cities</c>), leaving words that end in s anyway (<c>address</c>, <c>status</c>).</summary>
        private static string Singular(string word) =>
            word.Length > 4 && word.EndsWith("ies", StringComparison.Ordinal) ? word.Substring(0, word.Length - 3) + "y"
            : word.Length > 3 && word.EndsWith("s", StringComparison.Ordinal) && !word.EndsWith("ss", StringComparison.Ordinal)
                && !word.EndsWith("us", StringComparison.Ordinal) && !word.EndsWith("is", StringComparison.Ordinal)
                ? word.Substring(0, word.Length - 1)
                : word;
    }
}
