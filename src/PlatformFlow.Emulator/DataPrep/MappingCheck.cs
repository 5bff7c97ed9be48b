using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using PlatformFlow.Emulator.DataPrep.Expressions;
using PlatformFlow.Emulator.Engine;
using PlatformFlow.Emulator.SchemaRegistry;
using PlatformFlow.JsonSchema;

namespace PlatformFlow.Emulator.DataPrep
{
    /// <summary>
    /// What <c>POST /mappingSets/validate</c> and <c>/mappingSets/preview</c> know of a proposed mapping set: its output
    /// schema's fields and their types, the source fields (from <c>inputSchema</c>, when sent) and each mapping's problems:
    /// unknown destination, unknown source field, bad expression (syntax, unknown function, argument count), type mismatch.
    /// </summary>
    internal sealed class MappingCheck
    {
        public const string UnknownDestination = "UNKNOWN_DESTINATION";
        public const string UnknownSourceField = "UNKNOWN_SOURCE_FIELD";
        public const string TypeMismatch = "TYPE_MISMATCH";

        private readonly XdmFieldPaths _fields;
        private readonly JsonObject _properties;
        private readonly JsonObject? _sourceFields;

        public MappingCheck(MappingSetRequest request)
        {
            Request = request;
            _properties = XdmSchemas.ResolveProperties(request.Schema);
            _fields = new XdmFieldPaths(_properties);
            _sourceFields = (JsonFields.Member(request.InputSchema, "jsonSchema") is JsonObject jsonSchema ? jsonSchema["properties"] : request.InputSchema?["properties"]) as JsonObject;
        }

        public MappingSetRequest Request { get; }

        /// <summary>The output schema's resolved <c>properties</c> (every field group and data type expanded).</summary>
        public JsonObject Properties => _properties;

        /// <summary>The problems of mapping <paramref name="index"/> as TransformErrorInfo objects; empty when it is fine.</summary>
        public List<JsonObject> Problems(int index)
        {
            var mapping = Request.Mappings[index];
            var problems = new List<JsonObject>();
            var destination = (string)mapping["destination"]!;
            var destinationType = DestinationType(destination);
            if (!_fields.Accepts(destination))
            {
                problems.Add(Problem(mapping, UnknownDestination, "'" + destination + "' is not a field of schema " + Request.Schema["$id"] + Nearest(destination)));
            }

            var sourceType = SourceType(mapping, problems);
            if (sourceType != ElType.Any && destinationType != null && !Fits(sourceType, destinationType))
            {
                problems.Add(Problem(mapping, TypeMismatch, "the source gives " + Describe(sourceType) + " but '" + destination + "' holds " + destinationType.Describe()));
            }

            return problems;
        }

        /// <summary>The XDM type of a destination field (<c>type</c>, <c>format</c>), or null when the schema does not say.</summary>
        public XdmFieldType? DestinationType(string destination)
        {
            var properties = _properties;
            JsonObject? definition = null;
            foreach (var segment in destination.Split('.'))
            {
                var bracket = segment.IndexOf('[');
                definition = properties?[bracket > 0 ? segment.Substring(0, bracket) : segment] as JsonObject;
                if (definition is null)
                {
                    return null;
                }

                properties = definition["properties"] as JsonObject;
            }

            return definition != null && JsonFields.Text(definition["type"]) is string type ? new XdmFieldType(type, JsonFields.Text(definition["format"])) : null;
        }

        private ElType SourceType(JsonObject mapping, List<JsonObject> problems)
        {
            var source = (string)mapping["source"]!;
            switch ((string?)mapping["sourceType"])
            {
                case "ATTRIBUTE":
                    if (_sourceFields != null && !IsSourceField(source.Split('.')))
                    {
                        problems.Add(Problem(mapping, UnknownSourceField, "the source has no field '" + source + "' (it has " + string.Join(", ", _sourceFields.Select(f => f.Key)) + ")"));
                        return ElType.Any;
                    }

                    return FieldType(source.Split('.'));
                case "EXPRESSION":
                    ElExpression expression;
                    try
                    {
                        expression = ElExpression.Parse(source);
                    }
                    catch (ExpressionException ex)
                    {
                        problems.Add(Problem(mapping, ErrorCode(ex.Problem), ex.Message));
                        return ElType.Any;
                    }

                    if (_sourceFields != null && expression.UnknownField(IsSourceField) is string unknown)
                    {
                        problems.Add(Problem(mapping, UnknownSourceField, "the expression reads '" + unknown + "', which the source does not have (it has " + string.Join(", ", _sourceFields.Select(f => f.Key)) + ")"));
                        return ElType.Any;
                    }

                    return expression.InferType(FieldType);
                default:
                    return ElType.String;
            }
        }

        private bool IsSourceField(IReadOnlyList<string> segments) =>
            _sourceFields != null && (_sourceFields.ContainsKey(string.Join(".", segments)) || _sourceFields.ContainsKey(segments[0]));

        private ElType FieldType(IReadOnlyList<string> segments)
        {
            var definition = _sourceFields?[string.Join(".", segments)];
            switch (JsonFields.Text(JsonFields.Member(definition, "type")))
            {
                case "string": return JsonFields.Text(JsonFields.Member(definition, "format")) == "date-time" ? ElType.Date : ElType.String;
                case "integer": case "long": case "int": return ElType.Integer;
                case "number": case "double": case "float": case "decimal": return ElType.Number;
                case "boolean": return ElType.Boolean;
                case "array": return ElType.Array;
                case "object": return ElType.Object;
                default: return ElType.Any;
            }
        }

        /// <summary>
        /// Whether a value of <paramref name="source"/> type can land in the destination (Data Prep converts strings to
        /// numbers, booleans and dates at ingestion, and anything scalar to a string).
        /// </summary>
        private static bool Fits(ElType source, XdmFieldType destination)
        {
            if (source == ElType.Null || source == ElType.Any)
            {
                return true;
            }

            switch (destination.Type)
            {
                case "array":
                    return source == ElType.Array;
                case "object":
                    return source == ElType.Object;
                case "string":
                    return source != ElType.Array && source != ElType.Object && (!destination.IsDate || source == ElType.Date || source == ElType.String || source == ElType.Integer);
                case "integer":
                case "number":
                    return source == ElType.Integer || source == ElType.Number || source == ElType.String;
                case "boolean":
                    return source == ElType.Boolean || source == ElType.String;
                default:
                    return true;
            }
        }

        private static string Describe(ElType type) => type == ElType.Integer ? "an integer" : type == ElType.Array ? "an array" : type == ElType.Object ? "an object" : "a " + type.ToString().ToLowerInvariant();

        private string Nearest(string destination)
        {
            var near = Suggestions.Closest(destination, _fields.Leaves);
            return near.Count > 0 ? " (did you mean " + string.Join(", ", near) + "?)" : string.Empty;
        }

        public static string ErrorCode(ExpressionProblem problem)
        {
            switch (problem)
            {
                case ExpressionProblem.UnknownFunction: return "UNKNOWN_FUNCTION";
                case ExpressionProblem.WrongArgumentCount: return "WRONG_ARGUMENT_COUNT";
                case ExpressionProblem.TypeMismatch: return TypeMismatch;
                default: return "INVALID_EXPRESSION";
            }
        }

        /// <summary>A TransformErrorInfo: <c>{source, destination, sourceType, errorCode, exception}</c>.</summary>
        public static JsonObject Problem(JsonObject mapping, string code, string message) => new JsonObject
        {
            ["source"] = mapping["source"]?.DeepClone(),
            ["destination"] = mapping["destination"]?.DeepClone(),
            ["sourceType"] = mapping["sourceType"]?.DeepClone(),
            ["errorCode"] = code,
            ["exception"] = message,
        };
    }
}
