using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using PlatformFlow.Emulator.Engine;
using PlatformFlow.Tests.Support;
using Xunit;

namespace PlatformFlow.Tests.Emulator.DataPrep
{
    /// <summary>POST /mappingSets/validate, POST /mappingSets/preview, /languages/el/*, and expandSchema on reads.</summary>
    public sealed class MappingCheckEndpointTests
    {
        private const string Conversion = "/data/foundation/conversion";

        private readonly EmulatorEngine _engine = new EmulatorEngine();
        private readonly HttpClient _client;

        public MappingCheckEndpointTests()
        {
            _client = PlatformTestClient.Create(_engine);
        }

        private static string MappingSet(string schemaId, string mappings, bool withInputSchema = true) => @"{
            ""outputSchema"": {""schemaRef"": {""id"": """ + schemaId + @""", ""contentType"": ""application/vnd.adobe.xed-full+json;version=1""}},
            " + (withInputSchema ? @"""inputSchema"": {""jsonSchema"": {""type"": ""object"", ""properties"": {
                ""Email"": {""type"": ""string""}, ""First_Name"": {""type"": ""string""}, ""Last_Name"": {""type"": ""string""}, ""Orders_Count"": {""type"": ""number""}}}}," : string.Empty) + @"
            ""mappings"": [" + mappings + "]}";

        private static string Mapping(string sourceType, string source, string destination) =>
            new JsonObject { ["sourceType"] = sourceType, ["source"] = source, ["destination"] = destination }.ToJsonString();

        [Fact]
        public async Task Validate_answers_one_status_per_mapping_and_names_each_problem()
        {
            var schemaId = await XdmTestSchemas.CreateProfileSchemaAsync(_client);
            var body = MappingSet(schemaId, string.Join(",",
                Mapping("EXPRESSION", "concat(First_Name, \" \", Last_Name)", "person.name.fullName"),
                Mapping("ATTRIBUTE", "Fax", "faxPhone.number"),
                Mapping("ATTRIBUTE", "Email", "personalEmail.adress"),
                Mapping("EXPRESSION", "shout(Email)", "personalEmail.address"),
                Mapping("EXPRESSION", "to_array(true, Email)", "person.name.firstName"),
                Mapping("EXPRESSION", "lower(Email", "personalEmail.address")));
            var mark = _engine.Journal.Writes;

            var answer = await (await _client.PostJsonAsync(Conversion + "/mappingSets/validate", body)).ExpectAsync(HttpStatusCode.OK);

            var results = answer["validationResponse"]!.AsArray();
            Assert.Equal(new[] { "SUCCESS", "FAILED", "FAILED", "FAILED", "FAILED", "FAILED" }, results.Select(r => (string)r!["status"]!));
            Assert.Null(results[0]!["errors"]);
            Assert.Equal(new[] { "UNKNOWN_SOURCE_FIELD", "UNKNOWN_DESTINATION", "UNKNOWN_FUNCTION", "TYPE_MISMATCH", "INVALID_EXPRESSION" },
                results.Skip(1).Select(r => (string)r!["errors"]![0]!["errorCode"]!));
            Assert.Contains("Unknown function 'shout'", (string)results[3]!["errors"]![0]!["exception"]!);
            Assert.Contains("did you mean personalEmail.address", (string)results[2]!["errors"]![0]!["exception"]!);
            Assert.Equal("Fax", (string)results[1]!["errors"]![0]!["source"]!);
            Assert.Equal(mark, _engine.Journal.Writes);
        }

        [Fact]
        public async Task Preview_maps_each_sample_row_with_calculated_fields_and_converts_to_the_destination_type()
        {
            var schemaId = await XdmTestSchemas.CreateProfileSchemaAsync(_client);
            var body = new JsonObject
            {
                ["data"] = JsonNode.Parse(@"[{""Email"": ""Mia@Example.com"", ""First_Name"": ""Mia"", ""Last_Name"": ""Jensen"", ""Orders_Count"": ""3""},
                                             {""Email"": ""LUCAS@example.com"", ""First_Name"": ""Lucas"", ""Last_Name"": ""Martin"", ""Orders_Count"": ""x""}]"),
                ["mappingSet"] = JsonNode.Parse(MappingSet(schemaId, string.Join(",",
                    Mapping("EXPRESSION", "lower(Email)", "personalEmail.address"),
                    Mapping("EXPRESSION", "concat(First_Name, \" \", Last_Name)", "person.name.fullName"),
                    Mapping("ATTRIBUTE", "Orders_Count", "person.birthYear"),
                    Mapping("STATIC", "shopify", "person.name.courtesyTitle")))),
            };

            var answer = await (await _client.PostJsonAsync(Conversion + "/mappingSets/preview", body.ToJsonString())).ExpectAsync(HttpStatusCode.OK);

            Assert.Equal(
                @"[{""personalEmail"":{""address"":""mia@example.com""},""person"":{""name"":{""fullName"":""Mia Jensen"",""courtesyTitle"":""shopify""},""birthYear"":3}},"
                + @"{""personalEmail"":{""address"":""lucas@example.com""},""person"":{""name"":{""fullName"":""Lucas Martin"",""courtesyTitle"":""shopify""}}}]",
                answer["data"]!.ToJsonString());
            var error = Assert.Single(answer["errors"]!.AsArray())!;
            Assert.Equal(1, (int)error["row"]!);
            Assert.Equal("MAPPER-3700-400", (string)error["errorCode"]!);
            Assert.Equal("person.birthYear", (string)error["destination"]!);
        }

        [Fact]
        public async Task Preview_of_one_row_answers_one_record_like_the_openapi_example()
        {
            var schemaId = await XdmTestSchemas.CreateProfileSchemaAsync(_client);
            var body = @"{""data"": {""id"": 1234, ""firstName"": ""Jim"", ""lastName"": ""Seltzer""}, ""mappingSet"": " + MappingSet(schemaId, string.Join(",",
                Mapping("ATTRIBUTE", "firstName", "person.name.firstName"),
                Mapping("ATTRIBUTE", "lastName", "person.name.lastName")), withInputSchema: false) + "}";

            var answer = await (await _client.PostJsonAsync(Conversion + "/mappingSets/preview", body)).ExpectAsync(HttpStatusCode.OK);

            Assert.Equal(@"{""person"":{""name"":{""firstName"":""Jim"",""lastName"":""Seltzer""}}}", answer["data"]!.ToJsonString());
            Assert.Empty(answer["errors"]!.AsArray());
        }

        [Fact]
        public async Task Validate_and_preview_are_not_taken_for_a_mapping_set_id()
        {
            var get = await _client.GetAsync(Conversion + "/mappingSets/validate");
            var put = await _client.PutJsonAsync(Conversion + "/mappingSets/preview", "{}");

            Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
            Assert.Equal(HttpStatusCode.MethodNotAllowed, put.StatusCode);
        }

        [Fact]
        public async Task Creating_a_mapping_set_with_an_unknown_function_is_refused_naming_it()
        {
            var schemaId = await XdmTestSchemas.CreateProfileSchemaAsync(_client);

            var detail = await (await _client.PostJsonAsync(Conversion + "/mappingSets", MappingSet(schemaId, Mapping("EXPRESSION", "proper(First_Name)", "person.name.firstName"))))
                .ExpectProblemAsync(HttpStatusCode.BadRequest, "DPS", "3007-400");

            Assert.Contains("Unknown function 'proper'", detail);
            Assert.Empty(_engine.Sandbox("prod")!.Collection("mappingSets").All);
        }

        [Theory]
        [InlineData(@"{""expression"": ""concat(\""Hi\"", \"",\"", \""there\"", \""!\"")""}", "true")]
        [InlineData(@"{""expression"": {""expression"": ""lower(Email)""}}", "true")]
        [InlineData(@"{""expression"": ""to_integer(Orders)"", ""sampleData"": ""{\""Orders\"": \""12\""}""}", "true")]
        [InlineData(@"{""expression"": ""to_integer(Orders)"", ""sampleData"": {""Orders"": ""twelve""}}", "false")]
        public async Task Validating_an_expression_answers_true_or_false(string body, string expected)
        {
            var answer = await (await _client.PostJsonAsync(Conversion + "/languages/el/validate", body)).ExpectAsync(HttpStatusCode.OK);

            Assert.Equal(expected, answer.ToJsonString());
        }

        [Theory]
        [InlineData("soundex(Last_Name)", "UNKNOWN_FUNCTION: Unknown function 'soundex'")]
        [InlineData("lower(Email, Phone)", "WRONG_ARGUMENT_COUNT: Function 'lower' takes 1 argument")]
        [InlineData("concat(First_Name,", "INVALID_EXPRESSION: Unexpected the end of the expression")]
        public async Task An_invalid_expression_is_a_400_naming_the_problem(string expression, string expected)
        {
            var detail = await (await _client.PostJsonAsync(Conversion + "/languages/el/validate", new JsonObject { ["expression"] = expression }.ToJsonString()))
                .ExpectProblemAsync(HttpStatusCode.BadRequest, "DPS", "3007-400");

            Assert.StartsWith(expected, detail);
        }

        [Fact]
        public async Task The_functions_and_operators_are_listed_in_the_contract_shape()
        {
            var functions = (await (await _client.GetAsync(Conversion + "/languages/el/functions")).ExpectAsync(HttpStatusCode.OK)).AsArray();
            var operators = (await (await _client.GetAsync(Conversion + "/languages/el/operators")).ExpectAsync(HttpStatusCode.OK)).AsArray();

            Assert.True(functions.Count >= 50);
            var first = functions.Single(f => (string)f!["function"]! == "first")!;
            Assert.Equal("Hierarchies - Arrays", (string)first["category"]!);
            Assert.Equal("first(\"1\", \"2\", \"3\")", (string)first["example"]!);
            Assert.Equal("INPUT", (string)first["params"]![0]!["name"]!);
            Assert.Contains(operators, o => (string)o!["operatorSymbol"]! == "~" && (string)o["methodName"]! == "complement" && (int)o["numberOfOperands"]! == 1);
        }

        [Fact]
        public async Task ExpandSchema_adds_the_resolved_output_schema_to_listed_and_read_mapping_sets()
        {
            var schemaId = await XdmTestSchemas.CreateProfileSchemaAsync(_client);
            var id = (string)(await (await _client.PostJsonAsync(Conversion + "/mappingSets", MappingSet(schemaId, Mapping("ATTRIBUTE", "Email", "personalEmail.address")))).ExpectAsync(HttpStatusCode.OK))["id"]!;

            var plain = await (await _client.GetAsync(Conversion + "/mappingSets")).ExpectAsync(HttpStatusCode.OK);
            var expanded = await (await _client.GetAsync(Conversion + "/mappingSets?expandSchema=true")).ExpectAsync(HttpStatusCode.OK);
            var read = await (await _client.GetAsync(Conversion + "/mappingSets/" + id + "?expandSchema=true")).ExpectAsync(HttpStatusCode.OK);
            var bad = await _client.GetAsync(Conversion + "/mappingSets?expandSchema=yes");

            Assert.Null(plain["data"]![0]!["outputSchema"]!["jsonSchema"]);
            Assert.Equal("string", (string)expanded["data"]![0]!["outputSchema"]!["jsonSchema"]!["properties"]!["personalEmail"]!["properties"]!["address"]!["type"]!);
            Assert.Equal(schemaId, (string)read["outputSchema"]!["jsonSchema"]!["id"]!);
            await bad.ExpectProblemAsync(HttpStatusCode.BadRequest, "DPS", "3006-400");
        }
    }
}
