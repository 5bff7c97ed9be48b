using System.Text.Json;
using System.Text.Json.Nodes;
using PlatformFlow.JsonSchema;
using Xunit;

namespace PlatformFlow.Tests.JsonSchema
{
    public sealed class CoerceTests
    {
        [Fact]
        public void The_tutorials_schedule_gets_an_integer_startTime_and_the_input_is_left_alone()
        {
            var schedule = JsonNode.Parse("""{ "startTime": "1604961070", "frequency": "minute", "interval": 15, "backfill": "true" }""");

            var coerced = JsonSchemaEvaluator.Coerce(ScheduleSpecSchema.Create(), schedule);

            Assert.Equal("""{"startTime":1604961070,"frequency":"minute","interval":15,"backfill":true}""", coerced!.ToJsonString());
            Assert.Equal(JsonValueKind.String, schedule!["startTime"]!.GetValueKind());
            Assert.True(JsonSchemaEvaluator.Validate(ScheduleSpecSchema.Create(), coerced).IsValid);
        }

        [Fact]
        public void A_numeric_mappingVersion_becomes_a_string()
        {
            var mappingSpec = JsonNode.Parse("""{ "type": "object", "properties": { "mappingVersion": { "type": "string" } } }""");

            var coerced = JsonSchemaEvaluator.Coerce(mappingSpec, JsonNode.Parse("""{ "mappingId": 7, "mappingVersion": 0 }"""));

            Assert.Equal("""{"mappingId":7,"mappingVersion":"0"}""", coerced!.ToJsonString());
        }

        [Fact]
        public void Values_that_do_not_convert_stay_as_they_are()
        {
            var schema = JsonNode.Parse("""{ "properties": { "a": { "type": "integer" }, "b": { "type": "boolean" }, "c": { "type": "string" } } }""");
            var instance = """{"a":"abc","b":"yes","c":{"d":1}}""";

            Assert.Equal(instance, JsonSchemaEvaluator.Coerce(schema, JsonNode.Parse(instance))!.ToJsonString());
        }

        [Fact]
        public void Items_are_followed_for_a_single_schema_and_for_a_tuple()
        {
            var list = JsonNode.Parse("""{ "items": { "type": "number" } }""");
            var tuple = JsonNode.Parse("""{ "items": [ { "type": "string" }, { "type": "integer" } ] }""");

            Assert.Equal("""[1,"x",2.5]""", JsonSchemaEvaluator.Coerce(list, JsonNode.Parse("""["1","x","2.5"]"""))!.ToJsonString());
            Assert.Equal("""["1",2,"3"]""", JsonSchemaEvaluator.Coerce(tuple, JsonNode.Parse("""[1,"2","3"]"""))!.ToJsonString());
        }

        [Fact]
        public void Local_references_are_followed()
        {
            var schema = JsonNode.Parse("""
                { "definitions": { "epoch": { "type": "integer" } }, "properties": { "startTime": { "$ref": "#/definitions/epoch" } } }
                """);

            Assert.Equal("""{"startTime":1604961070}""", JsonSchemaEvaluator.Coerce(schema, JsonNode.Parse("""{"startTime":"1604961070"}"""))!.ToJsonString());
        }

        [Fact]
        public void A_scalar_root_and_null_are_coerced_too()
        {
            Assert.Equal("42", JsonSchemaEvaluator.Coerce(JsonNode.Parse("""{ "type": "integer" }"""), JsonValue.Create("42"))!.ToJsonString());
            Assert.Null(JsonSchemaEvaluator.Coerce(JsonNode.Parse("""{ "type": "string" }"""), null));
        }
    }
}
