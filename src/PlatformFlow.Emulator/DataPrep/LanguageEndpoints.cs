using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using PlatformFlow.Emulator.DataPrep.Expressions;
using PlatformFlow.Emulator.Engine;

namespace PlatformFlow.Emulator.DataPrep
{
    /// <summary>
    /// The expression language (<c>/languages/el</c>): its functions and operators, and the validation of one expression
    /// by the emulator's interpreter (<see cref="ElExpression"/>).
    /// </summary>
    internal static class LanguageEndpoints
    {
        public static void Register(EmulatorService service, RouteTable routes)
        {
            routes.Add(service, "POST", "/languages/el/validate", Validate, changesState: false);
            routes.Add(service, "GET", "/languages/el/functions", Functions);
            routes.Add(service, "GET", "/languages/el/operators", Operators);
        }

        /// <summary>
        /// <c>{expression}</c> (also the OpenAPI example's <c>{expression: {expression}}</c>) and optional <c>sampleData</c>
        /// (a JSON object, or its text): <c>200 true</c> when the expression is valid (and evaluates on the sample),
        /// <c>200 false</c> when it is valid but fails on the sample, 400 <c>3007</c> naming the problem when it is invalid.
        /// </summary>
        private static EmulatorResponse Validate(RequestContext context)
        {
            var body = context.BodyObject();
            var text = JsonFields.Text(body["expression"]) ?? JsonFields.Text(JsonFields.Member(body["expression"], "expression"));
            if (string.IsNullOrWhiteSpace(text))
            {
                throw EmulatorError.BadRequest(ErrorCodes.MappingSetPayloadInvalid, "expression is required: the expression text to validate, e.g. {\"expression\": \"lower(Email)\"}.");
            }

            ElExpression expression;
            try
            {
                expression = ElExpression.Parse(text!);
            }
            catch (ExpressionException ex)
            {
                throw EmulatorError.BadRequest(ErrorCodes.MappingExpressionInvalid, MappingCheck.ErrorCode(ex.Problem) + ": " + ex.Message + ".");
            }

            var sample = SampleRow(body["sampleData"]);
            if (sample is null)
            {
                return EmulatorResponse.Json(200, JsonValue.Create(true));
            }

            try
            {
                expression.Evaluate(sample, context.Engine.Options.Clock);
                return EmulatorResponse.Json(200, JsonValue.Create(true));
            }
            catch (ExpressionException)
            {
                return EmulatorResponse.Json(200, JsonValue.Create(false));
            }
        }

        private static JsonObject? SampleRow(JsonNode? sample)
        {
            if (sample is JsonObject row)
            {
                return row;
            }

            if (JsonFields.Text(sample) is string text && text.Trim().Length > 0)
            {
                try
                {
                    return JsonNode.Parse(text) as JsonObject ?? throw EmulatorError.BadRequest(ErrorCodes.MappingSetPayloadInvalid, "sampleData must be a JSON object (a source row).");
                }
                catch (JsonException ex)
                {
                    throw EmulatorError.BadRequest(ErrorCodes.MappingSetPayloadInvalid, "sampleData is not JSON: " + ex.Message);
                }
            }

            return null;
        }

        private static EmulatorResponse Functions(RequestContext context) =>
            EmulatorResponse.Json(200, new JsonArray(ElFunctionLibrary.Instance.All.Select(f => (JsonNode)new JsonObject
            {
                ["category"] = f.Category,
                ["function"] = f.Name,
                ["description"] = f.Description,
                ["syntax"] = f.Syntax,
                ["returns"] = f.ReturnType.ToString().ToLowerInvariant(),
                ["returnType"] = JavaType(f.ReturnType),
                ["example"] = f.Example,
                ["result"] = f.Result,
                ["params"] = new JsonArray(f.Parameters.Select((p, i) => (JsonNode)new JsonObject { ["name"] = p, ["position"] = i + 1 }).ToArray()),
                ["since"] = 1,
            }).ToArray()));

        private static EmulatorResponse Operators(RequestContext context) =>
            EmulatorResponse.Json(200, new JsonArray(ElOperator.All.Select(o => (JsonNode)new JsonObject
            {
                ["operatorSymbol"] = o.Symbol,
                ["methodName"] = o.MethodName,
                ["numberOfOperands"] = o.Operands,
                ["description"] = o.Description,
                ["example"] = o.Example,
            }).ToArray()));

        /// <summary>The Java type the platform's listing names for a return type.</summary>
        private static string JavaType(ElType type)
        {
            switch (type)
            {
                case ElType.String: return "java.lang.String";
                case ElType.Boolean: return "java.lang.Boolean";
                case ElType.Integer: return "java.lang.Long";
                case ElType.Number: return "java.lang.Double";
                case ElType.Date: return "java.time.ZonedDateTime";
                case ElType.Array: return "java.util.List";
                case ElType.Object: return "java.util.Map";
                default: return "java.lang.Object";
            }
        }
    }
}
