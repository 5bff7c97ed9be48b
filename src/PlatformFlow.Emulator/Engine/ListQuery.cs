using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using PlatformFlow.JsonSchema;

namespace PlatformFlow.Emulator.Engine
{
    /// <summary>
    /// The platform's list parameters: <c>property</c> filters (repeated = AND), <c>orderby=+field|-field</c>, <c>limit</c>,
    /// <c>continuationToken</c> (the next page is at <c>_links.next.href</c>, absent on the last page) and <c>count=true</c>
    /// (answers <c>{count}</c> only). Pages are cut after the last item's sort key and insertion number, not at an index, so
    /// paging returns every resource exactly once even while resources are added meanwhile. Without <c>orderby</c> a page
    /// is read straight from the collection's creation order (no sort); with one, the matching resources are sorted.
    /// </summary>
    public sealed class ListQuery
    {
        private static readonly string[] OwnParameters = { "property", "orderby", "limit", "continuationToken", "count" };

        private readonly ListQueryErrorCodes _codes;

        private ListQuery(ListQueryErrorCodes codes)
        {
            _codes = codes;
        }

        public IReadOnlyList<PropertyFilter> Filters { get; private set; } = Array.Empty<PropertyFilter>();

        /// <summary>The sort field (a dotted path), or null for insertion order.</summary>
        public string? SortField { get; private set; }

        public bool Descending { get; private set; }

        /// <summary>The page size asked for, or null when <c>limit</c> was not given.</summary>
        public int? Limit { get; private set; }

        public bool CountOnly { get; private set; }

        private Cursor? After { get; set; }

        /// <param name="request">The list request: any query parameter other than the list's own is a 400.</param>
        /// <param name="codes">The service's error codes.</param>
        public static ListQuery Parse(EmulatorRequest request, ListQueryErrorCodes codes)
        {
            var unknown = request.Query.FirstOrDefault(p => !OwnParameters.Contains(p.Key, StringComparer.OrdinalIgnoreCase));
            if (unknown.Key != null)
            {
                throw EmulatorError.BadRequest(codes.InvalidParameter, "Invalid params " + Excerpt.Of(unknown.Key) + " provided in query params; lists take " + string.Join(", ", OwnParameters) + ".");
            }

            var query = new ListQuery(codes)
            {
                Filters = request.QueryValues("property").Select(p => PropertyFilter.Parse(p, codes)).ToList(),
            };
            query.ParseOrder(request.QueryValue("orderby"));
            query.ParseLimitAndCount(request.QueryValue("limit"), request.QueryValue("count"));
            if (request.QueryValue("continuationToken") is string token)
            {
                query.After = Cursor.Decode(token, query.SortSpec)
                    ?? throw EmulatorError.BadRequest(codes.InvalidParameter, "The continuationToken is not one this list issued for orderby '" + query.SortSpec + "'; follow _links.next.href as returned.");
            }

            return query;
        }

        /// <summary>True when the resource passes every <c>property</c> filter.</summary>
        public bool Matches(JsonNode resource) => Filters.All(f => f.Matches(resource));

        /// <summary>
        /// Filters, sorts and pages the collection. <paramref name="render"/> turns a stored resource into what the list shows
        /// (a copy with secrets masked, computed fields...); filters and sorting apply to what is shown.
        /// </summary>
        /// <param name="listPath">The list's path relative to the service base, e.g. <c>/flows</c>, for the next-page link.</param>
        /// <param name="defaultLimit">The page size when <c>limit</c> is not given.</param>
        /// <param name="maxLimit">The largest page; a larger <c>limit</c> is served in pages of this size.</param>
        /// <param name="derivedFields">
        /// The top-level fields <paramref name="render"/> adds while leaving the stored ones as they are (a flow's
        /// <c>runs</c> link); filters on other fields then see the stored resource. Null: the render may change any field.
        /// </param>
        public JsonObject Execute(ResourceCollection collection, Func<JsonObject, JsonObject> render, string listPath, int defaultLimit, int maxLimit, IReadOnlyCollection<string>? derivedFields = null)
        {
            // Filters and sort keys may name derived fields, so they see rendered resources; a listing without them renders
            // only the page it returns (a count, nothing), which keeps paging through thousands of resources linear, and
            // so does a filter on stored fields only (a lookup by name in a sandbox of 20,000 flows).
            var filtered = Filters.Count > 0 && (derivedFields is null || Filters.Any(f => derivedFields.Contains(f.Path.Split('.')[0].Replace("[]", string.Empty))));
            if (CountOnly)
            {
                return new JsonObject { ["count"] = collection.All.Count(resource => Matches(filtered ? render(resource) : resource)) };
            }

            var pageSize = Math.Min(Limit ?? defaultLimit, maxLimit);
            return SortField is null
                ? InCreationOrder(collection, render, filtered, listPath, pageSize)
                : Sorted(collection, render, SortField, listPath, pageSize);
        }

        /// <summary>
        /// A page in creation order, the usual listing: it starts right after the cursor's resource (found by binary
        /// search) and reads only as far as it needs for one page and to know whether another follows, so its cost does
        /// not grow with the size of the collection.
        /// </summary>
        private JsonObject InCreationOrder(ResourceCollection collection, Func<JsonObject, JsonObject> render, bool filtered, string listPath, int pageSize)
        {
            // A filter on stored names reads the resources of those names only (the collection's index by name).
            var byName = filtered ? null : Filters.FirstOrDefault(f => f.Path == "name" && f.Operator == "==");
            var entries = byName is null ? collection.EntriesAfter(After?.Row.Sequence) : collection.NamedAfter(byName.Values, After?.Row.Sequence);
            var page = entries
                .Select(e => new Row(filtered ? render(e.Value) : e.Value, collection.SequenceOf(e.Key)))
                .Where(r => Matches(r.Resource))
                .Take(pageSize + 1)
                .ToList();
            var links = new JsonObject();
            if (page.Count > pageSize)
            {
                page.RemoveAt(pageSize);
                links["next"] = NextLink(listPath, pageSize, page[page.Count - 1]);
            }

            return Page(page.Select(r => filtered ? r.Resource : render(r.Resource)), links);
        }

        /// <summary>A page in the order of <paramref name="sortField"/>: every matching resource is rendered and sorted.</summary>
        private JsonObject Sorted(ResourceCollection collection, Func<JsonObject, JsonObject> render, string sortField, string listPath, int pageSize)
        {
            var shown = collection.Entries
                .Select(e => new Row(render(e.Value), collection.SequenceOf(e.Key)))
                .Where(r => Matches(r.Resource))
                .ToList();
            foreach (var row in shown)
            {
                row.Key = JsonPaths.First(row.Resource, sortField);
            }

            shown.Sort(CompareRows);
            var remaining = After is null ? shown : shown.Where(r => CompareRows(r, After.Row) > 0).ToList();
            var page = remaining.Take(pageSize).ToList();
            var links = new JsonObject();
            if (remaining.Count > page.Count)
            {
                links["next"] = NextLink(listPath, pageSize, page[page.Count - 1]);
            }

            return Page(page.Select(r => r.Resource), links);
        }

        private static JsonObject Page(IEnumerable<JsonObject> items, JsonObject links) => new JsonObject
        {
            ["items"] = new JsonArray(items.Select(item => (JsonNode)item).ToArray()),
            ["_links"] = links,
        };

        private JsonObject NextLink(string listPath, int pageSize, Row last) =>
            new JsonObject { ["href"] = NextHref(listPath, pageSize, Cursor.Encode(SortSpec, last)) };

        private string SortSpec => SortField is null ? string.Empty : (Descending ? "-" : "+") + SortField;

        private int CompareRows(Row left, Row right)
        {
            var byKey = JsonValues.CompareNodes(left.Key, right.Key);
            if (byKey != 0)
            {
                return Descending ? -byKey : byKey;
            }

            return left.Sequence.CompareTo(right.Sequence);
        }

        private void ParseOrder(string? orderby)
        {
            if (orderby is null)
            {
                return;
            }

            // A literal '+' in a query string decodes to a space, so " createdAt" is "+createdAt" sent unencoded: ascending,
            // as "createdAt" is.
            var text = orderby.StartsWith(" ", StringComparison.Ordinal) ? orderby.Substring(1) : orderby;
            var prefix = text.Length > 0 ? text[0] : '\0';
            var field = prefix == '+' || prefix == '-' ? text.Substring(1) : text;
            if (field.Length > 0 && !char.IsLetter(field[0]) && field[0] != '_')
            {
                throw EmulatorError.BadRequest(_codes.InvalidSortOrder, "Sort order specified is not correct in orderby '" + Excerpt.Of(orderby) + "': prepend + for ascending order and - for descending order to the field name.");
            }

            if (field.Length == 0 || field.Contains(",") || field.Contains("[]") || !PropertyFilterExpression.IsWellFormedPath(field))
            {
                throw EmulatorError.BadRequest(_codes.InvalidSortField, "Incorrect field '" + Excerpt.Of(field) + "' passed in orderby; examples are +name, -name, name.");
            }

            SortField = field;
            Descending = prefix == '-';
        }

        private void ParseLimitAndCount(string? limit, string? count)
        {
            if (count != null)
            {
                if (!bool.TryParse(count, out var countOnly))
                {
                    throw EmulatorError.BadRequest(_codes.InvalidParameter, "Invalid value '" + Excerpt.Of(count) + "' for count: true or false.");
                }

                CountOnly = countOnly;
            }

            if (limit is null)
            {
                return;
            }

            if (CountOnly)
            {
                throw EmulatorError.BadRequest(_codes.LimitWithCount, "The limit and count parameters cannot be given together in the same request. Please provide either only the limit or the count parameter and try again.");
            }

            if (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size < 1)
            {
                throw EmulatorError.BadRequest(_codes.InvalidParameter, "Invalid value '" + Excerpt.Of(limit) + "' for limit: a whole number of at least 1.");
            }

            Limit = size;
        }

        private string NextHref(string listPath, int pageSize, string token)
        {
            var parameters = Filters.Select(f => new KeyValuePair<string, string>("property", f.Path + f.Operator + string.Join(",", f.Values.Select(PropertyFilterExpression.QuoteValue))));
            if (SortField != null)
            {
                parameters = parameters.Append(new KeyValuePair<string, string>("orderby", SortSpec));
            }

            parameters = parameters
                .Append(new KeyValuePair<string, string>("limit", pageSize.ToString(CultureInfo.InvariantCulture)))
                .Append(new KeyValuePair<string, string>("continuationToken", token));
            return listPath + "?" + string.Join("&", parameters.Select(p => p.Key + "=" + Uri.EscapeDataString(p.Value)));
        }

        private sealed class Row
        {
            public Row(JsonObject resource, long sequence)
            {
                Resource = resource;
                Sequence = sequence;
            }

            public JsonObject Resource { get; }

            public long Sequence { get; }

            public JsonNode? Key { get; set; }
        }

        /// <summary>Where the previous page ended: its last row's sort key and insertion number, tied to the sort it was cut in.</summary>
        private sealed class Cursor
        {
            private Cursor(Row row)
            {
                Row = row;
            }

            public Row Row { get; }

            public static string Encode(string sortSpec, Row last)
            {
                var state = new JsonObject { ["o"] = sortSpec, ["s"] = last.Sequence, ["k"] = last.Key?.DeepClone() };
                return Convert.ToBase64String(Encoding.UTF8.GetBytes(state.ToJsonString())).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            }

            public static Cursor? Decode(string token, string sortSpec)
            {
                try
                {
                    var base64 = token.Replace('-', '+').Replace('_', '/');
                    base64 += new string('=', (4 - (base64.Length % 4)) % 4);
                    var state = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(base64))) as JsonObject;
                    if (state is null || (string?)state["o"] != sortSpec || !(state["s"] is JsonValue sequence))
                    {
                        return null;
                    }

                    return new Cursor(new Row(new JsonObject(), sequence.GetValue<long>()) { Key = state["k"]?.DeepClone() });
                }
                catch (Exception ex) when (ex is FormatException || ex is System.Text.Json.JsonException || ex is InvalidOperationException || ex is ArgumentException)
                {
                    return null;
                }
            }
        }
    }
}
