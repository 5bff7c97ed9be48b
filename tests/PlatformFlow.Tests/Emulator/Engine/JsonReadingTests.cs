using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using PlatformFlow.Emulator.Engine;
using Xunit;

namespace PlatformFlow.Tests.Emulator.Engine
{
    /// <summary>How handlers read JSON: dotted paths into resources, scalar readings, and the total order of sort keys.</summary>
    public sealed class JsonReadingTests
    {
        private static readonly JsonNode Resource = JsonNode.Parse(@"{""name"":""n"",""params"":{""port"":5,""tags"":[""a"",null,""b""],""nothing"":null},
            ""sources"":[{""spec"":{""id"":""s1""}},{""spec"":{""id"":""s2""}},{""other"":1},7],""scalar"":3}")!;

        [Theory]
        [InlineData("name", "\"n\"")]
        [InlineData("params.port", "5")]
        [InlineData("params.tags", "[\"a\",null,\"b\"]")]
        [InlineData("params.tags[]", "\"a\"|\"b\"")]
        [InlineData("sources[].spec.id", "\"s1\"|\"s2\"")]
        [InlineData("params.nothing", "")]
        [InlineData("params.missing", "")]
        [InlineData("scalar.inside", "")]
        [InlineData("scalar[]", "")]
        [InlineData("name.length", "")]
        public void A_path_selects_every_node_it_reaches_skipping_nulls(string path, string expected)
        {
            Assert.Equal(expected, string.Join("|", JsonPaths.Select(Resource, path).Select(n => n.ToJsonString())));
        }

        [Fact]
        public void The_first_node_of_a_path_or_null()
        {
            Assert.Equal("\"s1\"", JsonPaths.First(Resource, "sources[].spec.id")!.ToJsonString());
            Assert.Null(JsonPaths.First(Resource, "sources[].spec.name"));
            Assert.Null(JsonPaths.First(null, "name"));
        }

        [Theory]
        [InlineData("\"text\"", "text")]
        [InlineData("1.50", "1.50")]
        [InlineData("true", "true")]
        [InlineData("{}", null)]
        [InlineData("[1]", null)]
        public void The_scalar_text_of_a_node(string json, string? expected)
        {
            Assert.Equal(expected, JsonValues.ScalarText(JsonNode.Parse(json)));
        }

        [Theory]
        [InlineData("42", 42L)]
        [InlineData("-3", -3L)]
        [InlineData("1.5", null)]
        [InlineData("\"42\"", null)]
        [InlineData("true", null)]
        [InlineData("[42]", null)]
        public void A_whole_number_is_read_from_a_json_number_only(string json, long? expected)
        {
            Assert.Equal(expected, JsonValues.AsLong(JsonNode.Parse(json)));
        }

        [Fact]
        public void A_whole_number_is_read_however_the_node_was_built()
        {
            Assert.Equal((7L, 8L, (long?)null), (JsonValues.AsLong(JsonValue.Create(7)), JsonValues.AsLong(JsonValue.Create(8L)), JsonValues.AsLong(null)));
        }

        [Fact]
        public void Sort_keys_order_missing_then_booleans_numbers_strings_and_structures()
        {
            var keys = new[] { "\"b\"", "{\"x\":1}", "10", "true", "\"B\"", "2", "\"a\"", "false", "null", "1.5", "\"A\"", "[1]" };

            var sorted = keys.Select(k => JsonNode.Parse(k)).OrderBy(n => n, Comparer<JsonNode?>.Create(JsonValues.CompareNodes)).Select(n => n?.ToJsonString() ?? "null");

            Assert.Equal(new[] { "null", "false", "true", "1.5", "2", "10", "\"A\"", "\"a\"", "\"B\"", "\"b\"", "{\"x\":1}", "[1]" }, sorted);
        }

        [Theory]
        [InlineData("1", "1.0", 0)]
        [InlineData("\"a\"", "\"a\"", 0)]
        [InlineData("true", "true", 0)]
        [InlineData("{\"x\":1}", "[2]", 0)]
        [InlineData("{\"x\":1}", "{\"x\":2}", 0)]
        [InlineData("2", "10", -1)]
        [InlineData("10", "2", 1)]
        [InlineData("\"A\"", "\"a\"", -1)]
        [InlineData("\"b\"", "\"A\"", 1)]
        [InlineData("false", "true", -1)]
        [InlineData("true", "false", 1)]
        [InlineData("\"9\"", "10", 1)]
        public void Two_sort_keys_compare_by_kind_then_value(string left, string right, int expected)
        {
            Assert.Equal(expected, System.Math.Sign(JsonValues.CompareNodes(JsonNode.Parse(left), JsonNode.Parse(right))));
        }

        [Theory]
        [InlineData("\"abc\"", "abc")]
        [InlineData("12", null)]
        [InlineData("{}", null)]
        [InlineData("null", null)] // parses to no node at all
        public void Text_is_a_json_strings_value_only(string json, string? expected)
        {
            Assert.Equal(expected, JsonFields.Text(JsonNode.Parse(json)));
        }

        [Fact]
        public void A_member_is_read_from_an_object_only()
        {
            Assert.Equal("\"n\"", JsonFields.Member(Resource, "name")!.ToJsonString());
            Assert.Null(JsonFields.Member(JsonNode.Parse("[1]"), "name"));
            Assert.Null(JsonFields.Member(null, "name"));
        }

        [Fact]
        public void Random_ids_are_lower_case_hex_of_the_asked_length()
        {
            Assert.Matches("^[0-9a-f]{24}$", JsonFields.RandomHex(12));
            Assert.NotEqual(JsonFields.RandomHex(16), JsonFields.RandomHex(16));
            Assert.Equal("00ff10", JsonFields.Hex(new byte[] { 0, 255, 16 }));
        }
    }
}
