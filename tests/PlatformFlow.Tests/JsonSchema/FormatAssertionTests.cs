using System.Linq;
using System.Text.Json.Nodes;
using PlatformFlow.JsonSchema;
using Xunit;

namespace PlatformFlow.Tests.JsonSchema
{
    /// <summary><c>AssertFormats</c>: the formats XDM fields use, asserted as ingestion does; off by default, as draft-07 has it.</summary>
    public sealed class FormatAssertionTests
    {
        private static readonly SchemaValidationOptions Asserting = new SchemaValidationOptions { AssertFormats = true };

        [Theory]
        [InlineData("email", "mia.jensen@example.com", true)]
        [InlineData("email", "o'brien+shop@mail.example.co.uk", true)]
        [InlineData("email", "mia.jensen.example.com", false)]
        [InlineData("email", "mia.jensen@example", false)]
        [InlineData("email", "mia jensen@example.com", false)]
        [InlineData("email", "mia.jensen@@example.com", false)]
        [InlineData("email", "mia.jensen.@example.com", false)]
        [InlineData("email", "søren@example.com", false)]
        [InlineData("date", "2020-11-02", true)]
        [InlineData("date", "2020-02-30", false)]
        [InlineData("date", "02/11/2020", false)]
        [InlineData("date-time", "2020-11-02T09:14:51Z", true)]
        [InlineData("date-time", "2020-11-02T09:14:51.123+01:00", true)]
        [InlineData("date-time", "2020-11-02T09:14:51", false)]
        [InlineData("date-time", "2020-11-02T25:14:51Z", false)]
        [InlineData("date-time", "2020-11-02", false)]
        [InlineData("uri", "https://shop.example/orders?id=1", true)]
        [InlineData("uri", "/orders/1", false)]
        [InlineData("uri-reference", "/orders/1", true)]
        [InlineData("uri-reference", "/orders/ 1", false)]
        [InlineData("hostname", "not checked at all", true)]
        public void A_format_is_asserted_when_asked(string format, string text, bool valid)
        {
            var schema = new JsonObject { ["type"] = "string", ["format"] = format };

            var errors = JsonSchemaEvaluator.Validate(schema, JsonValue.Create(text), Asserting).Errors;

            Assert.Equal(valid, errors.Count == 0);
            Assert.All(errors, e => Assert.Equal("format", e.Keyword));
            Assert.Equal(valid, StringFormats.IsValid(format, text));
        }

        [Fact]
        public void Without_the_option_a_format_is_an_annotation()
        {
            var schema = JsonNode.Parse(@"{""properties"": {""address"": {""type"": ""string"", ""format"": ""email""}}}");
            var record = JsonNode.Parse(@"{""address"": ""not an email""}");

            Assert.Empty(JsonSchemaEvaluator.Validate(schema, record).Errors);
            Assert.Equal("address: 'not an email' is not a valid email", Assert.Single(JsonSchemaEvaluator.Validate(schema, record, Asserting).Errors).Message);
        }
    }
}
