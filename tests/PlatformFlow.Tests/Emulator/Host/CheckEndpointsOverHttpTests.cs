using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using PlatformFlow.Emulator.Engine;
using PlatformFlow.Emulator.Host;
using PlatformFlow.Tests.Emulator.FlowService;
using PlatformFlow.Tests.Support;
using Xunit;

namespace PlatformFlow.Tests.Emulator.Host
{
    /// <summary>The standalone host answers the check endpoints (connection test, mapping validate/preview, the language) with the documented status and shape.</summary>
    public sealed class CheckEndpointsOverHttpTests
    {
        private const string Conversion = "/data/foundation/conversion";

        [Fact]
        public async Task The_host_answers_the_connection_test_mapping_checks_and_language_endpoints()
        {
            var engine = new EmulatorEngine();
            await using var server = await EmulatorServer.StartAsync(engine, 0);
            using var client = new HttpClient { BaseAddress = server.BaseAddress };
            FlowServiceTestBed.AddPlatformHeaders(client, "prod");
            var schemaId = await XdmTestSchemas.CreateProfileSchemaAsync(client);
            var connection = await client.PostAsync(FlowServiceTestBed.Flow + "/connections", Json(FlowServiceTestBed.ShopifyConnectionBody().ToJsonString()));
            var connectionId = (string)JsonNode.Parse(await connection.Content.ReadAsStringAsync())!["id"]!;
            var mappingSet = @"{""outputSchema"": {""schemaRef"": {""id"": """ + schemaId + @""", ""contentType"": ""application/vnd.adobe.xed-full+json;version=1""}},
                ""mappings"": [{""sourceType"": ""EXPRESSION"", ""source"": ""upper(Email)"", ""destination"": ""personalEmail.address""}]}";

            var test = await client.GetAsync(FlowServiceTestBed.Flow + "/connections/" + connectionId + "/test");
            var validate = await client.PostAsync(Conversion + "/mappingSets/validate", Json(mappingSet));
            var preview = await client.PostAsync(Conversion + "/mappingSets/preview", Json(@"{""data"": [{""Email"": ""a@b.c""}], ""mappingSet"": " + mappingSet + "}"));
            var expression = await client.PostAsync(Conversion + "/languages/el/validate", Json(@"{""expression"": ""nope(Email)""}"));
            var functions = await client.GetAsync(Conversion + "/languages/el/functions");
            var operators = await client.GetAsync(Conversion + "/languages/el/operators");
            var list = await client.GetAsync(Conversion + "/mappingSets?expandSchema=true");

            Assert.Equal(FlowServiceTestBed.Flow + "/connections/" + connectionId, connection.Headers.Location!.OriginalString);
            Assert.Equal(@"{""result"":true}", await test.Content.ReadAsStringAsync());
            Assert.Equal(@"{""validationResponse"":[{""status"":""SUCCESS"",""errors"":null}]}", await validate.Content.ReadAsStringAsync());
            Assert.Equal(@"{""data"":[{""personalEmail"":{""address"":""A@B.C""}}],""errors"":[]}", await preview.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.BadRequest, expression.StatusCode);
            Assert.Contains("Unknown function 'nope'", await expression.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, functions.StatusCode);
            Assert.Equal(HttpStatusCode.OK, operators.StatusCode);
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        }

        private static StringContent Json(string body) => new StringContent(body, Encoding.UTF8, "application/json");
    }
}
