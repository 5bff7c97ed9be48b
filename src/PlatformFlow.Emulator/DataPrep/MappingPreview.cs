using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using PlatformFlow.Emulator.DataPrep.Expressions;
using PlatformFlow.Emulator.Engine;

namespace PlatformFlow.Emulator.DataPrep
{
    /// <summary>
    /// Runs a mapping set over sample rows as ingestion would: ATTRIBUTE copies the source field, EXPRESSION evaluates the
    /// calculated field, STATIC writes the constant; each value is converted to its destination's type and written at the
    /// destination path. A mapping that is invalid, or fails on a row, is left out of that record and reported.
    /// </summary>
    internal static class MappingPreview
    {
        public static JsonArray Run(MappingCheck check, IReadOnlyList<JsonObject> rows, TimeProvider clock, out List<JsonObject> errors)
        {
            var mappings = check.Request.Mappings;
            errors = new List<JsonObject>();
            var usable = new List<(JsonObject Mapping, ElExpression? Expression, XdmFieldType? Type)>();
            for (var i = 0; i < mappings.Count; i++)
            {
                var problems = check.Problems(i);
                if (problems.Count > 0)
                {
                    errors.AddRange(problems);
                    continue;
                }

                var expression = (string?)mappings[i]["sourceType"] == "EXPRESSION" ? ElExpression.Parse((string)mappings[i]["source"]!) : null;
                usable.Add((mappings[i], expression, check.DestinationType((string)mappings[i]["destination"]!)));
            }

            var records = new JsonArray();
            for (var r = 0; r < rows.Count; r++)
            {
                var record = new JsonObject();
                foreach (var (mapping, expression, type) in usable)
                {
                    try
                    {
                        var value = Convert(Source(mapping, expression, rows[r], clock), type);
                        if (value != null)
                        {
                            Set(record, (string)mapping["destination"]!, value);
                        }
                    }
                    catch (ExpressionException ex)
                    {
                        var error = MappingCheck.Problem(mapping, MappingCheck.ErrorCode(ex.Problem), ex.Message);
                        error["row"] = r;
                        errors.Add(error);
                    }
                }

                records.Add(record);
            }

            return records;
        }

        private static JsonNode? Source(JsonObject mapping, ElExpression? expression, JsonObject row, TimeProvider clock)
        {
            var source = (string)mapping["source"]!;
            switch ((string?)mapping["sourceType"])
            {
                case "ATTRIBUTE":
                    return FieldNode.Lookup(row, source.Split('.'))?.DeepClone();
                case "EXPRESSION":
                    return expression!.EvaluateToJson(row, clock);
                default:
                    return JsonValue.Create(source);
            }
        }

        /// <summary>The value as the destination's type: strings to numbers and booleans, anything scalar to a string.</summary>
        private static JsonNode? Convert(JsonNode? value, XdmFieldType? type)
        {
            if (value is null || type is null || !(value is JsonValue scalar))
            {
                return value;
            }

            var text = ElValues.Text(ElValues.FromJson(scalar));
            switch (type.Type)
            {
                case "string":
                    return JsonValue.Create(text);
                case "integer":
                    return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole) ? JsonValue.Create(whole)
                        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var rounded) && Math.Floor(rounded) == rounded ? JsonValue.Create((long)rounded)
                        : throw Mismatch(text, type);
                case "number":
                    return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? JsonValue.Create(number) : throw Mismatch(text, type);
                case "boolean":
                    return bool.TryParse(text, out var flag) ? JsonValue.Create(flag) : throw Mismatch(text, type);
                default:
                    return value;
            }
        }

        private static ExpressionException Mismatch(string text, XdmFieldType type) =>
            new ExpressionException(ExpressionProblem.TypeMismatch, "'" + text + "' cannot be written to a field of " + type.Describe());

        /// <summary>Writes at a dotted path, creating the objects on the way (<c>person.name.fullName</c>).</summary>
        private static void Set(JsonObject record, string destination, JsonNode value)
        {
            var segments = destination.Split('.');
            var current = record;
            foreach (var segment in segments.Take(segments.Length - 1))
            {
                if (!(current[segment] is JsonObject next))
                {
                    next = new JsonObject();
                    current[segment] = next;
                }

                current = next;
            }

            current[segments[segments.Length - 1]] = value;
        }
    }
}
