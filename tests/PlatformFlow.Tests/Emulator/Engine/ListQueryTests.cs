using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using PlatformFlow.Emulator.Engine;
using Xunit;

namespace PlatformFlow.Tests.Emulator.Engine
{
    /// <summary>
    /// The list parameters read and executed directly: every refusal with its code and words, the next-page link and its
    /// continuation token written out, and what is rendered when. The Flow Service's lists over HTTP are in
    /// FlowService/ListQueryTests.
    /// </summary>
    public sealed class ListQueryTests
    {
        private const string OwnParameters = "lists take property, orderby, limit, continuationToken, count.";

        // One code per kind of mistake, so each refusal shows which it is.
        private static readonly ListQueryErrorCodes Codes = new ListQueryErrorCodes("parameter")
        {
            LimitWithCount = "limit-with-count",
            InvalidOperator = "operator",
            InvalidField = "field",
            InvalidValue = "value",
            MultipleValuesNotAllowed = "multiple",
            InvalidSortOrder = "sort-order",
            InvalidSortField = "sort-field",
        };

        [Theory]
        [InlineData("start=10", "parameter", "Invalid params start provided in query params; " + OwnParameters)]
        [InlineData("limit=2&Limits=3", "parameter", "Invalid params Limits provided in query params; " + OwnParameters)]
        [InlineData("count=maybe", "parameter", "Invalid value 'maybe' for count: true or false.")]
        [InlineData("count=true&limit=5", "limit-with-count", "The limit and count parameters cannot be given together in the same request. Please provide either only the limit or the count parameter and try again.")]
        [InlineData("limit=0", "parameter", "Invalid value '0' for limit: a whole number of at least 1.")]
        [InlineData("limit=-1", "parameter", "Invalid value '-1' for limit: a whole number of at least 1.")]
        [InlineData("limit=%2B5", "parameter", "Invalid value '+5' for limit: a whole number of at least 1.")]
        [InlineData("limit=ten", "parameter", "Invalid value 'ten' for limit: a whole number of at least 1.")]
        [InlineData("orderby=*name", "sort-order", "Sort order specified is not correct in orderby '*name': prepend + for ascending order and - for descending order to the field name.")]
        [InlineData("orderby=-1st", "sort-order", "Sort order specified is not correct in orderby '-1st': prepend + for ascending order and - for descending order to the field name.")]
        [InlineData("orderby=", "sort-field", "Incorrect field '' passed in orderby; examples are +name, -name, name.")]
        [InlineData("orderby=%2B", "sort-field", "Incorrect field '' passed in orderby; examples are +name, -name, name.")]
        [InlineData("orderby=name,id", "sort-field", "Incorrect field 'name,id' passed in orderby; examples are +name, -name, name.")]
        [InlineData("orderby=-tags[]", "sort-field", "Incorrect field 'tags[]' passed in orderby; examples are +name, -name, name.")]
        [InlineData("orderby=auth..name", "sort-field", "Incorrect field 'auth..name' passed in orderby; examples are +name, -name, name.")]
        [InlineData("property=name%3Da", "operator", "Invalid operator =a in filter params (name=a); use ==, !=, >, <, >=, <= or ~.")]
        [InlineData("property=name", "value", "Invalid query value name provided in query param property: expected path, operator (==, !=, >, <, >=, <=, ~) and value.")]
        [InlineData("property=name%3D%3D", "value", "Invalid query value name== provided in query param property: a value is empty.")]
        [InlineData("property=na%20me%3D%3Da", "field", "Invalid field 'na me' in filter params (na me==a).")]
        [InlineData("property=port%3E1,2", "multiple", "Operator '>' is not allowed for multiple values (port>1,2).")]
        [InlineData("continuationToken=not-ours", "parameter", "The continuationToken is not one this list issued for orderby ''; follow _links.next.href as returned.")]
        public void A_malformed_list_query_is_refused_with_its_code_and_words(string query, string code, string detail)
        {
            var refusal = Assert.Throws<EmulatorError>(() => Parse(query));

            Assert.Equal((400, code), (refusal.Status, refusal.Code));
            Assert.Equal(detail, refusal.Detail);
        }

        [Theory]
        [InlineData("orderby=name", "name", false)]
        [InlineData("orderby=%2Bname", "name", false)]
        [InlineData("orderby=+name", "name", false)] // a '+' sent unencoded arrives as a space
        [InlineData("orderby=-name", "name", true)]
        [InlineData("orderby=_id", "_id", false)]
        [InlineData("orderby=-scheduleParams.startTime", "scheduleParams.startTime", true)]
        public void Orderby_names_the_field_and_its_direction(string query, string field, bool descending)
        {
            var parsed = Parse(query);

            Assert.Equal((field, descending), (parsed.SortField, parsed.Descending));
        }

        [Theory]
        [InlineData("", null, false)]
        [InlineData("limit=1", 1, false)]
        [InlineData("LIMIT=7", 7, false)]
        [InlineData("count=true", null, true)]
        [InlineData("count=TRUE", null, true)]
        [InlineData("count=false&limit=3", 3, false)]
        public void Limit_and_count_are_read_in_any_case(string query, int? limit, bool countOnly)
        {
            var parsed = Parse(query);

            Assert.Equal((limit, countOnly), (parsed.Limit, parsed.CountOnly));
        }

        [Fact]
        public void Pages_in_creation_order_link_to_the_next_with_the_last_items_insertion_number()
        {
            var stored = Collection("a", "b", "c", "d", "e");

            var first = Execute(stored, "limit=2");
            Assert.Equal(new[] { "a", "b" }, Names(first));
            Assert.Equal("/flows?limit=2&continuationToken=eyJvIjoiIiwicyI6MSwiayI6bnVsbH0", NextHref(first));

            var second = Execute(stored, "limit=2&continuationToken=eyJvIjoiIiwicyI6MSwiayI6bnVsbH0");
            Assert.Equal(new[] { "c", "d" }, Names(second));
            Assert.Equal("/flows?limit=2&continuationToken=eyJvIjoiIiwicyI6MywiayI6bnVsbH0", NextHref(second));

            var last = Execute(stored, "limit=2&continuationToken=eyJvIjoiIiwicyI6MywiayI6bnVsbH0");
            Assert.Equal(new[] { "e" }, Names(last));
            Assert.Empty(last["_links"]!.AsObject());
        }

        [Fact]
        public void A_page_that_ends_the_list_exactly_has_no_next_link()
        {
            var stored = Collection("a", "b", "c", "d");

            Assert.Empty(Execute(stored, "limit=4")["_links"]!.AsObject());
            Assert.Empty(Execute(stored, "orderby=name&limit=4")["_links"]!.AsObject());
            Assert.Equal(new[] { "d", "c", "b", "a" }, Names(Execute(stored, "orderby=-name&limit=4")));
        }

        [Fact]
        public void Without_limit_a_page_has_the_default_size_and_a_larger_limit_is_cut_to_the_largest_page()
        {
            var stored = Collection("a", "b", "c", "d", "e");

            var byDefault = Execute(stored, string.Empty, defaultLimit: 2, maxLimit: 3);
            Assert.Equal(new[] { "a", "b" }, Names(byDefault));
            Assert.Equal("/flows?limit=2&continuationToken=eyJvIjoiIiwicyI6MSwiayI6bnVsbH0", NextHref(byDefault));

            var capped = Execute(stored, "limit=50", defaultLimit: 2, maxLimit: 3);
            Assert.Equal(new[] { "a", "b", "c" }, Names(capped));
            Assert.StartsWith("/flows?limit=3&continuationToken=", NextHref(capped));

            var sorted = Execute(stored, "orderby=-name&limit=50", defaultLimit: 2, maxLimit: 3);
            Assert.Equal(new[] { "e", "d", "c" }, Names(sorted));
        }

        [Fact]
        public void Sorted_pages_carry_the_sort_and_the_last_key_in_a_url_safe_unpadded_token()
        {
            // "?" and "~" make tokens whose base64 has '/' and '+' (written '_' and '-') and '=' padding (dropped).
            var stored = Collection("?", "~", "~~");

            var first = Execute(stored, "orderby=name&limit=1");
            Assert.Equal(new[] { "?" }, Names(first));
            Assert.Equal("/flows?orderby=%2Bname&limit=1&continuationToken=eyJvIjoiXHUwMDJCbmFtZSIsInMiOjAsImsiOiI_In0", NextHref(first));

            var second = Execute(stored, "orderby=name&limit=1&continuationToken=eyJvIjoiXHUwMDJCbmFtZSIsInMiOjAsImsiOiI_In0");
            Assert.Equal(new[] { "~" }, Names(second));
            Assert.Equal("/flows?orderby=%2Bname&limit=1&continuationToken=eyJvIjoiXHUwMDJCbmFtZSIsInMiOjEsImsiOiJ-In0", NextHref(second));

            var last = Execute(stored, "orderby=name&limit=1&continuationToken=eyJvIjoiXHUwMDJCbmFtZSIsInMiOjEsImsiOiJ-In0");
            Assert.Equal(new[] { "~~" }, Names(last));
            Assert.Empty(last["_links"]!.AsObject());

            var descending = Execute(stored, "orderby=-name&limit=2");
            Assert.Equal(new[] { "~~", "~" }, Names(descending));
            Assert.Equal("/flows?orderby=-name&limit=2&continuationToken=eyJvIjoiLW5hbWUiLCJzIjoxLCJrIjoifiJ9", NextHref(descending));
            Assert.Equal(new[] { "?" }, Names(Execute(stored, "orderby=-name&limit=2&continuationToken=eyJvIjoiLW5hbWUiLCJzIjoxLCJrIjoifiJ9")));
        }

        [Fact]
        public void Equal_sort_keys_keep_creation_order_in_both_directions_and_across_pages()
        {
            var stored = Collection("x", "x", "x", "w");

            Assert.Equal(new[] { "0", "1", "2", "3" }, Walk(stored, "orderby=-name&limit=1"));
            Assert.Equal(new[] { "3", "0", "1", "2" }, Walk(stored, "orderby=name&limit=2"));
        }

        [Fact]
        public void Sorting_by_a_field_that_holds_objects_or_arrays_puts_them_last_in_creation_order()
        {
            var stored = new ResourceCollection();
            stored.Add("0", new JsonObject { ["id"] = "0", ["spec"] = new JsonObject { ["v"] = 2 } });
            stored.Add("1", new JsonObject { ["id"] = "1", ["spec"] = new JsonArray(1) });
            stored.Add("2", new JsonObject { ["id"] = "2", ["spec"] = "s" });
            stored.Add("3", new JsonObject { ["id"] = "3" });
            stored.Add("4", new JsonObject { ["id"] = "4", ["spec"] = new JsonObject() });

            Assert.Equal(new[] { "3", "2", "0", "1", "4" }, Walk(stored, "orderby=spec&limit=2"));
        }

        [Fact]
        public void The_next_link_repeats_every_filter_with_its_values_quoted_as_needed()
        {
            var stored = Collection("a", "b", "c,d", "e");

            var page = Execute(stored, "property=" + Uri.EscapeDataString("name!=e,\"x,y\"") + "&property=" + Uri.EscapeDataString("id!=9") + "&limit=2");

            Assert.Equal(new[] { "a", "b" }, Names(page));
            Assert.Equal("/flows?property=name%21%3De%2C%22x%2Cy%22&property=id%21%3D9&limit=2&continuationToken=eyJvIjoiIiwicyI6MSwiayI6bnVsbH0", NextHref(page));
            Assert.Equal(new[] { "c,d" }, Names(Execute(stored, "property=" + Uri.EscapeDataString("name!=e,\"x,y\"") + "&limit=2&continuationToken=eyJvIjoiIiwicyI6MSwiayI6bnVsbH0")));
            Assert.Equal("/flows?property=id%21%3D9&orderby=-name&limit=1&continuationToken=eyJvIjoiLW5hbWUiLCJzIjozLCJrIjoiZSJ9", NextHref(Execute(stored, "orderby=-name&property=id!%3D9&limit=1")));
        }

        [Fact]
        public void Count_true_answers_the_number_of_matching_resources_only()
        {
            var stored = Collection("a", "b", "a", "c");

            Assert.Equal("{\"count\":2}", Execute(stored, "count=true&property=name==a").ToJsonString());
            Assert.Equal("{\"count\":4}", Execute(stored, "count=true").ToJsonString());
        }

        [Fact]
        public void A_count_renders_only_to_filter()
        {
            var stored = Collection("c", "a", "b");
            var rendered = new List<string>();

            Assert.Equal("{\"count\":3}", Execute(stored, "count=true", Render(rendered)).ToJsonString());
            Assert.Empty(rendered);
            Assert.Equal("{\"count\":3}", Execute(stored, "count=true&property=shown==true", Render(rendered)).ToJsonString());
            Assert.Equal(new[] { "c", "a", "b" }, rendered);
        }

        [Fact]
        public void A_plain_listing_renders_only_the_page_it_returns()
        {
            var stored = Collection("a", "b", "c", "d", "e");
            var rendered = new List<string>();

            var page = Execute(stored, "limit=2", Render(rendered));

            Assert.Equal(new[] { "a", "b" }, rendered);
            Assert.Equal(new[] { true, true }, page["items"]!.AsArray().Select(i => (bool)i!["shown"]!));
        }

        [Theory]
        [InlineData("property=shown==true&limit=2")]
        [InlineData("orderby=shownName&limit=2")]
        public void Filters_and_sort_keys_see_the_rendered_resources_each_rendered_once(string query)
        {
            var stored = Collection("c", "a", "b");
            var rendered = new List<string>();

            var page = Execute(stored, query, Render(rendered));

            Assert.Equal(new[] { "c", "a", "b" }, rendered);
            Assert.Equal(2, page["items"]!.AsArray().Count(i => (bool)i!["shown"]!));
        }

        [Fact]
        public void A_sort_key_the_render_adds_orders_the_page()
        {
            var stored = Collection("c", "a", "b");

            var page = Execute(stored, "orderby=-shownName", Render(new List<string>()));

            Assert.Equal(new[] { "c", "b", "a" }, Names(page));
        }

        [Theory]
        [InlineData("", "", "eyJvIjoiLW5hbWUiLCJzIjoxLCJrIjoifiJ9")] // creation order (an empty spec), given a token of orderby -name
        [InlineData("orderby=name", "+name", "eyJvIjoiIiwicyI6MSwiayI6bnVsbH0")] // given a token of creation order
        public void A_continuation_token_of_another_sort_or_not_a_cursor_is_refused(string sort, string spec, string otherSort)
        {
            foreach (var token in new[] { otherSort, Token("[1]"), Token("{\"o\":\"" + spec + "\"}"), Token("{\"o\":\"" + spec + "\",\"s\":\"x\"}"), Token("{\"o\":\"" + spec + "\",\"s\":1.5}"), Token("{\"o\"") })
            {
                var refusal = Assert.Throws<EmulatorError>(() => Parse(sort + "&continuationToken=" + token));
                Assert.Equal(("parameter", "The continuationToken is not one this list issued for orderby '" + spec + "'; follow _links.next.href as returned."), (refusal.Code, refusal.Detail));
            }
        }

        [Fact]
        public void A_cursor_past_removed_resources_goes_on_after_them()
        {
            var stored = Collection("a", "b", "c", "d");
            stored.Remove("1");
            stored.Remove("2");

            Assert.Equal(new[] { "d" }, Names(Execute(stored, "limit=2&continuationToken=eyJvIjoiIiwicyI6MSwiayI6bnVsbH0")));
        }

        private static ListQuery Parse(string query) =>
            ListQuery.Parse(new EmulatorRequest("GET", "/flows", EmulatorRequest.ParseQuery(query), new Dictionary<string, string>(), Array.Empty<byte>()), Codes);

        /// <summary>The page of <paramref name="query"/>, each resource rendered as stored unless a render is given.</summary>
        private static JsonObject Execute(ResourceCollection stored, string query, Func<JsonObject, JsonObject>? render = null, int defaultLimit = 100, int maxLimit = 100) =>
            Parse(query).Execute(stored, render ?? (r => (JsonObject)r.DeepClone()), "/flows", defaultLimit, maxLimit);

        /// <summary>Resources with ids "0", "1"... in creation order, named as given.</summary>
        private static ResourceCollection Collection(params string[] names)
        {
            var stored = new ResourceCollection();
            for (var i = 0; i < names.Length; i++)
            {
                stored.Add(i.ToString(System.Globalization.CultureInfo.InvariantCulture), new JsonObject { ["id"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture), ["name"] = names[i] });
            }

            return stored;
        }

        /// <summary>A render that adds fields the stored resources lack, and notes which it rendered.</summary>
        private static Func<JsonObject, JsonObject> Render(List<string> rendered) => resource =>
        {
            rendered.Add((string)resource["name"]!);
            var shown = (JsonObject)resource.DeepClone();
            shown["shown"] = true;
            shown["shownName"] = (string)resource["name"]!;
            return shown;
        };

        /// <summary>The ids of every page, following the next links from the first query.</summary>
        private static List<string> Walk(ResourceCollection stored, string query)
        {
            var ids = new List<string>();
            for (string? next = query; next != null;)
            {
                var page = Execute(stored, next);
                ids.AddRange(page["items"]!.AsArray().Select(i => (string)i!["id"]!));
                next = page["_links"]!["next"] is JsonNode link ? ((string)link["href"]!).Substring("/flows?".Length) : null;
            }

            return ids;
        }

        private static string[] Names(JsonObject page) => page["items"]!.AsArray().Select(i => (string)i!["name"]!).ToArray();

        private static string NextHref(JsonObject page) => (string)page["_links"]!["next"]!["href"]!;

        private static string Token(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
