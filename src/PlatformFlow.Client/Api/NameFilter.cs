namespace PlatformFlow.Client.Api
{
    /// <summary>
    /// Several names in one list filter, the platform's OR-list <c>property=name==a,b,c</c> (values quoted when they hold a
    /// comma or a quote), cut so that no request's filter grows past what a URL carries.
    /// </summary>
    public static class NameFilter
    {
        /// <summary>
        /// The longest filter sent in one request, as escaped into the URL: with the path and the other parameters the URL
        /// stays within the 2,048 characters every proxy and gateway accepts (the contract names no longer limit).
        /// </summary>
        public const int MaxEscapedLength = 1500;

        /// <summary>
        /// The names in groups, each group one filter (<see cref="Of"/>) within <paramref name="maxEscapedLength"/> once
        /// escaped into the URL, in the order given; a name too long for it on its own gets a group of its own all the same.
        /// </summary>
        public static IReadOnlyList<IReadOnlyList<string>> Chunks(string field, IEnumerable<string> names, int maxEscapedLength = MaxEscapedLength)
        {
            var chunks = new List<IReadOnlyList<string>>();
            var current = new List<string>();
            var prefixLength = Uri.EscapeDataString(field + "==").Length;
            var length = prefixLength;
            foreach (var name in names)
            {
                // A comma escaped is three characters.
                var added = Uri.EscapeDataString(ListQuery.Quote(name)).Length + (current.Count > 0 ? 3 : 0);
                if (current.Count > 0 && length + added > maxEscapedLength)
                {
                    chunks.Add(current);
                    current = new List<string>();
                    length = prefixLength;
                    added -= 3;
                }

                current.Add(name);
                length += added;
            }

            if (current.Count > 0)
            {
                chunks.Add(current);
            }

            return chunks;
        }

        /// <summary>The filter for any of the names: <c>name==a,"b,c"</c>.</summary>
        public static string Of(string field, IEnumerable<string> names) => field + "==" + string.Join(",", names.Select(ListQuery.Quote));
    }
}
