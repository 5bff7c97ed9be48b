using System.Linq;
using System.Text.Json.Nodes;
using PlatformFlow.JsonSchema;
using Xunit;

namespace PlatformFlow.Tests.JsonSchema
{
    public sealed class LooseTypesTests
    {
        private static readonly SchemaValidationOptions Loose = new SchemaValidationOptions { LooseTypes = true };

        [Fact]
        public void The_tutorials_string_startTime_passes_the_integer_schema_only_when_loose()
        {
            var schedule = JsonNode.Parse("""{ "startTime": "1604961070", "frequency": "minute", "interval": 15 }""");

            var strict = JsonSchemaEvaluator.Validate(ScheduleSpecSchema.Create(), schedule);
            var loose = JsonSchemaEvaluator.Validate(ScheduleSpecSchema.Create(), schedule, Loose);

            var error = Assert.Single(strict.Errors);
            Assert.Equal(("/startTime", "type", "startTime: '1604961070' is not an integer"), (error.InstancePath, error.Keyword, error.Message));
            Assert.True(loose.IsValid);
        }

        [Fact]
        public void The_tutorials_numeric_mappingVersion_passes_the_string_schema_only_when_loose()
        {
            var mappingSpec = JsonNode.Parse("""{ "type": "object", "properties": { "mappingId": { "type": "string" }, "mappingVersion": { "type": "string" } } }""");
            var mappingParams = JsonNode.Parse("""{ "mappingId": "bf5286a9c1ad4266baca76ba3adc9366", "mappingVersion": 0 }""");

            Assert.Equal("mappingVersion: 0 is not a string", Assert.Single(JsonSchemaEvaluator.Validate(mappingSpec, mappingParams).Errors).Message);
            Assert.True(JsonSchemaEvaluator.Validate(mappingSpec, mappingParams, Loose).IsValid);
        }

        [Theory]
        [InlineData("\"abc\"")]
        [InlineData("\"1.5\"")]
        [InlineData("\"\"")]
        [InlineData("\" 15\"")]
        [InlineData("true")]
        public void Non_integer_values_fail_an_integer_schema_even_when_loose(string instance)
        {
            var result = JsonSchemaEvaluator.Validate(JsonNode.Parse("""{ "type": "integer" }"""), JsonNode.Parse(instance), Loose);

            Assert.Equal("type", Assert.Single(result.Errors).Keyword);
        }

        [Theory]
        [InlineData("""{ "type": "number" }""", "\"-1.5e3\"", true)]
        [InlineData("""{ "type": "number" }""", "\"1.5.1\"", false)]
        [InlineData("""{ "type": "boolean" }""", "\"true\"", true)]
        [InlineData("""{ "type": "boolean" }""", "\"yes\"", false)]
        [InlineData("""{ "type": "string" }""", "false", true)]
        [InlineData("""{ "type": "string" }""", "null", false)]
        [InlineData("""{ "type": "string" }""", "{}", false)]
        [InlineData("""{ "type": ["null", "integer"] }""", "\"7\"", true)]
        public void Loose_types_convert_only_the_documented_scalars(string schema, string instance, bool valid)
        {
            Assert.Equal(valid, JsonSchemaEvaluator.Validate(JsonNode.Parse(schema), JsonNode.Parse(instance), Loose).IsValid);
        }

        [Fact]
        public void Numeric_rules_apply_to_the_converted_value()
        {
            var schema = JsonNode.Parse("""{ "type": "integer", "minimum": 15, "enum": [15, 30] }""");

            var tooSmall = JsonSchemaEvaluator.Validate(schema, JsonValue.Create("10"), Loose);

            Assert.Equal(
                new[] { "10 is not one of 15, 30", "10 is less than the minimum of 15" },
                tooSmall.Errors.Select(error => error.Message));
            Assert.True(JsonSchemaEvaluator.Validate(schema, JsonValue.Create("30"), Loose).IsValid);
        }

        [Fact]
        public void A_string_interval_meets_the_schedule_minimum_declared_without_a_type()
        {
            var schedule = JsonNode.Parse("""{ "startTime": "1604961070", "frequency": "minute", "interval": "10" }""");

            var error = Assert.Single(JsonSchemaEvaluator.Validate(ScheduleSpecSchema.Create(), schedule, Loose).Errors);

            Assert.Equal(("/interval", "minimum", "interval: 10 is less than the minimum of 15"), (error.InstancePath, error.Keyword, error.Message));
        }

        [Fact]
        public void Loose_types_are_off_by_default()
        {
            Assert.False(new SchemaValidationOptions().LooseTypes);
            Assert.False(JsonSchemaEvaluator.Validate(JsonNode.Parse("""{ "type": "integer" }"""), JsonValue.Create("15"), new SchemaValidationOptions()).IsValid);
        }
    }
}
