namespace PlatformFlow.Client.Api
{
    /// <summary>
    /// A list request: <c>property</c> filters (the platform's expressions, passed through: <c>name==x</c>,
    /// <c>createdAt&gt;1600000000000</c>, <c>name~shop</c>; several are ANDed), page size and order.
    /// </summary>
    public sealed class ListQuery
    {
        public List<string> Properties { get; } = new List<string>();

        /// <summary>Page size asked of the platform (not a cap on the total).</summary>
        public int? Limit { get; set; }

        /// <summary><c>+field</c> or <c>-field</c>.</summary>
        public string? OrderBy { get; set; }

        public static ListQuery Where(params string[] properties)
        {
            var query = new ListQuery();
            query.Properties.AddRange(properties.Where(p => !string.IsNullOrWhiteSpace(p)));
            return query;
        }

        /// <summary>The query string (with '?', or empty), values escaped.</summary>
        public string ToQueryString(bool countOnly = false)
        {
            var parts = Properties.Select(p => "property=" + Uri.EscapeDataString(p)).ToList();
            if (countOnly)
            {
                parts.Add("count=true");
            }
            else if (Limit is int limit)
            {
                parts.Add("limit=" + limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            if (!string.IsNullOrEmpty(OrderBy))
            {
                parts.Add("orderby=" + Uri.EscapeDataString(OrderBy));
            }

            return parts.Count == 0 ? string.Empty : "?" + string.Join("&", parts);
        }

        /// <summary>A value for a <c>property</c> expression, quoted when it has to be (commas, quotes, outer spaces): <c>name=="a,b"</c>.</summary>
        public static string Quote(string value) => PlatformFlow.JsonSchema.PropertyFilterExpression.QuoteValue(value);
    }
}
