using System;
using System.Linq;
using System.Text.Json.Nodes;
using PlatformFlow.JsonSchema;
using Xunit;

namespace PlatformFlow.Tests.JsonSchema
{
    public sealed class ErrorMessageTests
    {
        [Fact]
        public void A_minute_schedule_with_interval_10_fails_at_the_interval_with_the_minimum()
        {
            var schedule = JsonNode.Parse("""{ "startTime": 1604961070, "frequency": "minute", "interval": 10 }""");

            var result = JsonSchemaEvaluator.Validate(ScheduleSpecSchema.Create(), schedule);

            Assert.False(result.IsValid);
            var error = Assert.Single(result.Errors);
            Assert.Equal("/interval", error.InstancePath);
            Assert.Equal("minimum", error.Keyword);
            Assert.Equal("interval: 10 is less than the minimum of 15", error.Message);
        }

        [Fact]
        public void The_other_schedule_rules_name_the_field_and_the_rule()
        {
            Assert.Equal(
                ("/frequency", "enum", "frequency: 'yearly' is not one of once, minute, hour, day, week"),
                SingleErrorFor("""{ "startTime": 1604961070, "frequency": "yearly", "interval": 1 }"""));
            Assert.Equal(
                ("", "required", "required property 'interval' is missing"),
                SingleErrorFor("""{ "startTime": 1604961070, "frequency": "day" }"""));
            Assert.Equal(
                ("", "not", "property 'backfill' is not allowed here"),
                SingleErrorFor("""{ "startTime": 1604961070, "frequency": "once", "backfill": false }"""));
            Assert.Equal(
                ("/interval", "minimum", "interval: 0 is less than the minimum of 1"),
                SingleErrorFor("""{ "startTime": 1604961070, "frequency": "week", "interval": 0 }"""));
        }

        [Fact]
        public void Nested_failures_carry_a_pointer_and_a_readable_path()
        {
            var schema = JsonNode.Parse("""
                {
                  "properties": {
                    "deltaColumn": { "type": "object", "required": [ "name" ] },
                    "columns": { "items": { "properties": { "type": { "enum": [ "string", "long" ] } } } },
                    "x/y.z": { "type": "string" }
                  }
                }
                """);
            var instance = JsonNode.Parse("""{ "deltaColumn": {}, "columns": [ { "type": "string" }, { "type": "text" } ], "x/y.z": 1 }""");

            var errors = JsonSchemaEvaluator.Validate(schema, instance).Errors.Select(error => (error.InstancePath, error.Message));

            Assert.Equal(
                new[]
                {
                    ("/deltaColumn", "deltaColumn: required property 'name' is missing"),
                    ("/columns/1/type", "columns[1].type: 'text' is not one of string, long"),
                    ("/x~1y.z", "['x/y.z']: 1 is not a string"),
                },
                errors);
        }

        [Fact]
        public void AnyOf_gives_one_error_with_each_alternatives_reason()
        {
            var schema = JsonNode.Parse("""{ "properties": { "auth": { "anyOf": [ { "required": [ "accessToken" ] }, { "required": [ "username", "password" ] } ] } } }""");

            var error = Assert.Single(JsonSchemaEvaluator.Validate(schema, JsonNode.Parse("""{ "auth": { "username": "u" } }""")).Errors);

            Assert.Equal(("/auth", "anyOf"), (error.InstancePath, error.Keyword));
            Assert.Equal(
                """auth: {"username":"u"} does not match any of the allowed alternatives: auth: required property 'accessToken' is missing; or auth: required property 'password' is missing""",
                error.Message);
        }

        [Fact]
        public void OneOf_names_the_alternatives_that_match_too_many()
        {
            var schema = JsonNode.Parse("""{ "oneOf": [ { "type": "integer" }, { "minimum": 2 }, { "maximum": 0 } ] }""");

            var error = Assert.Single(JsonSchemaEvaluator.Validate(schema, JsonValue.Create(3)).Errors);

            Assert.Equal(("oneOf", "3 matches more than one of the alternatives (#1, #2), but must match exactly one"), (error.Keyword, error.Message));
        }

        [Fact]
        public void Rejected_additional_properties_and_items_are_named()
        {
            var objectSchema = JsonNode.Parse("""{ "properties": { "name": {} }, "additionalProperties": false }""");
            var arraySchema = JsonNode.Parse("""{ "items": [ {} ], "additionalItems": false }""");

            var property = Assert.Single(JsonSchemaEvaluator.Validate(objectSchema, JsonNode.Parse("""{ "name": 1, "nmae": 2 }""")).Errors);
            var item = Assert.Single(JsonSchemaEvaluator.Validate(arraySchema, JsonNode.Parse("[1, 2, 3]")).Errors);

            Assert.Equal(("", "additionalProperties", "property 'nmae' is not allowed"), (property.InstancePath, property.Keyword, property.Message));
            Assert.Equal(("", "additionalItems", "has 3 items, but only 1 are allowed"), (item.InstancePath, item.Keyword, item.Message));
        }

        [Fact]
        public void Lengths_count_code_points_and_patterns_treat_dollar_as_the_very_end()
        {
            var schema = JsonNode.Parse("""{ "maxLength": 2, "pattern": "^[0-9😀]+$" }""");

            Assert.True(JsonSchemaEvaluator.Validate(schema, JsonValue.Create("😀😀")).IsValid);
            var errors = JsonSchemaEvaluator.Validate(schema, JsonValue.Create("12\n")).Errors;

            Assert.Equal(new[] { "maxLength", "pattern" }, errors.Select(error => error.Keyword));
            Assert.Equal("'12\n' has 3 characters, more than the maximum of 2", errors[0].Message);
        }

        [Theory]
        [InlineData("""{ "minimum": "1" }""", "1", "'minimum' must be a number")]
        [InlineData("""{ "type": "text" }""", "1", "'type' must be one of")]
        [InlineData("""{ "required": "name" }""", "{}", "'required' must be an array")]
        [InlineData("""{ "$ref": "#/definitions/missing" }""", "1", "'#/definitions/missing' does not")]
        [InlineData("""{ "$ref": "other.json#/definitions/x" }""", "1", "starting with '#'")]
        [InlineData("""{ "definitions": { "loop": { "$ref": "#/definitions/loop" } }, "$ref": "#/definitions/loop" }""", "1", "refers back to itself")]
        [InlineData("""{ "pattern": "(" }""", "\"a\"", "'pattern' must be a valid regular expression")]
        [InlineData("""{ "multipleOf": 0 }""", "1", "'multipleOf' must be a number greater than 0")]
        [InlineData("3", "1", "A schema must be an object, true or false")]
        public void A_broken_schema_is_reported_rather_than_ignored(string schema, string instance, string expectedMessagePart)
        {
            var error = Assert.Throws<ArgumentException>(() => JsonSchemaEvaluator.Validate(JsonNode.Parse(schema), JsonNode.Parse(instance)));

            Assert.Contains(expectedMessagePart, error.Message);
        }

        private static (string InstancePath, string Keyword, string Message) SingleErrorFor(string schedule)
        {
            var error = Assert.Single(JsonSchemaEvaluator.Validate(ScheduleSpecSchema.Create(), JsonNode.Parse(schedule)).Errors);
            return (error.InstancePath, error.Keyword, error.Message);
        }
    }
}
