using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using PlatformFlow.Emulator.DataPrep;
using PlatformFlow.Emulator.DataPrep.Expressions;
using PlatformFlow.JsonSchema;

namespace PlatformFlow.Emulator.Ingestion
{
    /// <summary>
    /// Ingests one source record as the platform does, the single function behind both a run and
    /// <c>POST /mappingSets/preview</c> (so a rehearsal and a run cannot disagree): each usable mapping is applied
    /// (ATTRIBUTE copies, EXPRESSION evaluates, STATIC writes the constant), its value converted to the destination's type
    /// and written at its path; then the mapped record is validated against the resolved XDM schema with formats asserted.
    /// A failing mapping leaves its field out; a record with any error does not land and reports all of them.
    /// </summary>
    internal sealed class RecordIngestion
    {
        private static readonly SchemaValidationOptions Validation = new SchemaValidationOptions { AssertFormats = true };

        private static readonly string[] DateTimeForms =
        {
            "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ss",
            "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd",
        };

        private readonly List<(JsonObject Mapping, ElExpression? Expression, XdmFieldType? Type)> _mappings = new List<(JsonObject, ElExpression?, XdmFieldType?)>();
        private readonly JsonObject _schema;
        private readonly TimeProvider _clock;

        public RecordIngestion(MappingCheck check, TimeProvider clock)
        {
            _clock = clock;
            var mappings = check.Request.Mappings;
            var problems = new List<JsonObject>();
            for (var i = 0; i < mappings.Count; i++)
            {
                var found = check.Problems(i);
                if (found.Count > 0)
                {
                    problems.AddRange(found);
                    continue;
                }

                var expression = (string?)mappings[i]["sourceType"] == "EXPRESSION" ? ElExpression.Parse((string)mappings[i]["source"]!) : null;
                _mappings.Add((mappings[i], expression, check.DestinationType((string)mappings[i]["destination"]!)));
            }

            MappingProblems = problems;
            _schema = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject() };
            foreach (var (mapping, _, _) in _mappings)
            {
                Keep(check.Properties, (JsonObject)_schema["properties"]!, ((string)mapping["destination"]!).Split('.'), 0);
            }
        }

        /// <summary>Whether a usable mapping's expression calls one of these functions.</summary>
        public bool CallsAny(IEnumerable<string> functions) =>
            _mappings.Any(m => m.Expression != null && m.Expression.Functions.Intersect(functions, StringComparer.OrdinalIgnoreCase).Any());

        /// <summary>The problems of the mapping set itself (TransformErrorInfo objects); those mappings are left out of every record.</summary>
        public IReadOnlyList<JsonObject> MappingProblems { get; }

        public IngestedRecord Ingest(JsonObject row)
        {
            var record = new JsonObject();
            var errors = new List<RowError>();
            foreach (var (mapping, expression, type) in _mappings)
            {
                var destination = (string)mapping["destination"]!;
                try
                {
                    var value = Convert(Source(mapping, expression, row), type);
                    if (value != null)
                    {
                        Set(record, destination, value);
                    }
                }
                catch (ExpressionException ex)
                {
                    var code = ex.Problem == ExpressionProblem.TypeMismatch ? IngestionCodes.MapperConversion : IngestionCodes.MapperEvaluation;
                    errors.Add(new RowError(code, destination + ": " + ex.Message, destination, mapping));
                }
            }

            foreach (var error in JsonSchemaEvaluator.Validate(_schema, record, Validation).Errors)
            {
                var field = string.Join(".", error.InstancePath.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries));
                errors.Add(new RowError(IngestionCodes.SchemaValidation, error.Message, field, null));
            }

            return new IngestedRecord(record, errors);
        }

        /// <summary>
        /// Copies into <paramref name="kept"/> the schema of the fields along one destination path, and at each object on
        /// the way every keyword but the other fields (so <c>required</c> still holds). A mapped record has only mapped
        /// fields, and <c>properties</c> checks only the fields present, so this schema judges it as the whole one would,
        /// at a fraction of the cost (the resolved profile schema has hundreds of fields).
        /// </summary>
        private static void Keep(JsonObject properties, JsonObject kept, string[] path, int depth)
        {
            var segment = path[depth];
            var bracket = segment.IndexOf('[');
            var name = bracket > 0 ? segment.Substring(0, bracket) : segment;
            if (!(properties[name] is JsonObject field) || kept[name] is JsonObject whole && !whole.ContainsKey("properties"))
            {
                return;
            }

            if (depth == path.Length - 1 || bracket > 0 || !(field["properties"] is JsonObject children))
            {
                kept[name] = field.DeepClone();
                return;
            }

            if (!(kept[name] is JsonObject level))
            {
                level = new JsonObject(field.Where(p => p.Key != "properties").Select(p => new KeyValuePair<string, JsonNode?>(p.Key, p.Value?.DeepClone())));
                level["properties"] = new JsonObject();
                kept[name] = level;
            }

            Keep(children, (JsonObject)level["properties"]!, path, depth + 1);
        }

        private JsonNode? Source(JsonObject mapping, ElExpression? expression, JsonObject row)
        {
            var source = (string)mapping["source"]!;
            switch ((string?)mapping["sourceType"])
            {
                case "ATTRIBUTE":
                    return FieldNode.Lookup(row, source.Split('.'))?.DeepClone();
                case "EXPRESSION":
                    return expression!.EvaluateToJson(row, _clock);
                default:
                    return JsonValue.Create(source);
            }
        }

        /// <summary>
        /// The value as the destination's type, as Data Prep converts at ingestion: strings to numbers and booleans,
        /// date texts (ISO 8601, with or without an offset; none means UTC) to the XDM date or date-time form, anything
        /// scalar to a string.
        /// </summary>
        private static JsonNode? Convert(JsonNode? value, XdmFieldType? type)
        {
            if (value is null || type is null || !(value is JsonValue scalar))
            {
                return value;
            }

            var text = ElValues.Text(ElValues.FromJson(scalar));
            switch (type.Type)
            {
                case "string" when type.IsDate:
                    return DateTimeOffset.TryParseExact(text, DateTimeForms, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date)
                        ? JsonValue.Create(date.UtcDateTime.ToString(type.Format == "date" ? "yyyy-MM-dd" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture))
                        : throw Mismatch(text, type);
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
