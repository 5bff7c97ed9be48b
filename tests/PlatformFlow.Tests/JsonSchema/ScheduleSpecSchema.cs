using System.Text.Json.Nodes;

namespace PlatformFlow.Tests.JsonSchema
{
    /// <summary>The CRMToAEP flow spec's scheduleSpec from the Korean tutorial edition, written out for the tests.</summary>
    internal static class ScheduleSpecSchema
    {
        public static JsonNode Create() => JsonNode.Parse("""
            {
              "$schema": "http://json-schema.org/draft-07/schema#",
              "type": "object",
              "properties": {
                "startTime": { "description": "epoch time", "type": "integer" },
                "frequency": { "type": "string", "enum": [ "once", "minute", "hour", "day", "week" ] },
                "interval": { "type": "integer" },
                "backfill": { "type": "boolean", "default": true }
              },
              "required": [ "startTime", "frequency" ],
              "if": { "properties": { "frequency": { "const": "once" } } },
              "then": {
                "allOf": [
                  { "not": { "required": [ "interval" ] } },
                  { "not": { "required": [ "backfill" ] } }
                ]
              },
              "else": {
                "required": [ "interval" ],
                "if": { "properties": { "frequency": { "const": "minute" } } },
                "then": { "properties": { "interval": { "minimum": 15 } } },
                "else": { "properties": { "interval": { "minimum": 1 } } }
              }
            }
            """)!;
    }
}
