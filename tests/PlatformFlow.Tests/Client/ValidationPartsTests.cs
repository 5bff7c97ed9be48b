using System.Text.Json.Nodes;
using PlatformFlow.Client.Validation;
using PlatformFlow.JsonSchema;
using Xunit;

namespace PlatformFlow.Tests.Client
{
    /// <summary>"Did you mean" and the XDM leaf paths, with every expected value written out by hand.</summary>
    public sealed class ValidationPartsTests
    {
        [Fact]
        public void A_mistyped_field_gets_the_known_one_it_nearly_spells()
        {
            var known = new[] { "personalEmail.address", "mobilePhone.number", "homeAddress.city" };

            Assert.Equal(new[] { "personalEmail.address" }, Suggestions.Closest("personalEmail.adress", known));
        }

        [Fact]
        public void Suggestions_come_nearest_first_then_in_ordinal_order_at_most_count()
        {
            // Distances from "cat": cat 0, bat 1, car 1, cut 1, dog 3 (beyond the allowed 2).
            var known = new[] { "dog", "cut", "car", "cat", "bat" };

            Assert.Equal(new[] { "cat", "bat", "car" }, Suggestions.Closest("cat", known));
            Assert.Equal(new[] { "cat", "bat" }, Suggestions.Closest("cat", known, count: 2));
        }

        [Fact]
        public void Case_does_not_count_as_a_difference_and_the_known_spelling_is_returned()
        {
            Assert.Equal(new[] { "Email" }, Suggestions.Closest("EMAIL", new[] { "Email" }));
        }

        [Fact]
        public void A_short_name_allows_two_edits()
        {
            // "abcd" allows max(2, 4 / 5) = 2 edits.
            Assert.Equal(new[] { "abxy" }, Suggestions.Closest("abcd", new[] { "abxy", "axyz" }));
        }

        [Fact]
        public void A_long_name_allows_one_edit_per_five_characters()
        {
            // 15 characters allow 3 edits: three substitutions are suggested, four are not.
            const string typed = "abcdefghijklmno";
            Assert.Equal(new[] { "abcdefghijklXYZ" }, Suggestions.Closest(typed, new[] { "abcdefghijklXYZ", "abcdefghijkWXYZ" }));
        }

        [Fact]
        public void Insertions_and_deletions_count_one_edit_each()
        {
            // "flaw" -> "lawn": delete f, insert n (2); "ct" -> "cat": insert a (1); "carts" -> "cat": delete r and s (2).
            Assert.Equal(new[] { "lawn" }, Suggestions.Closest("flaw", new[] { "lawn" }));
            Assert.Equal(new[] { "cat" }, Suggestions.Closest("ct", new[] { "cat" }));
            Assert.Equal(new[] { "cat" }, Suggestions.Closest("carts", new[] { "cat" }));
            Assert.Empty(Suggestions.Closest("kitten", new[] { "sitting" }));
        }

        [Fact]
        public void The_leaves_of_a_schema_are_its_dotted_paths_in_ordinal_order()
        {
            var properties = JsonNode.Parse("""
                {
                  "personalEmail": { "type": "object", "properties": { "primary": { "type": "boolean" }, "address": { "type": "string" } } },
                  "name": { "type": "string" },
                  "empty": { "type": "object", "properties": {} },
                  "homeAddress": { "properties": { "geo": { "properties": { "latitude": { "type": "number" } } } } }
                }
                """)!.AsObject();

            Assert.Equal(
                new[] { "empty", "homeAddress.geo.latitude", "name", "personalEmail.address", "personalEmail.primary" },
                XdmFieldPaths.Leaves(properties));
        }

        [Fact]
        public void A_schema_without_properties_has_no_leaves() => Assert.Empty(XdmFieldPaths.Leaves(null));
    }
}
