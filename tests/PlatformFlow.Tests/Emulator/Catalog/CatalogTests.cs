using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using PlatformFlow.Emulator.Engine;
using PlatformFlow.Tests.Support;
using Xunit;
using static PlatformFlow.Tests.Support.XdmTestSchemas;

namespace PlatformFlow.Tests.Emulator.Catalog
{
    public sealed class CatalogTests
    {
        private const string DataSets = "/data/foundation/catalog/dataSets";

        private readonly EmulatorEngine _engine = new EmulatorEngine();
        private readonly HttpClient _client;

        public CatalogTests()
        {
            _client = PlatformTestClient.Create(_engine);
        }

        [Fact]
        public async Task Creating_a_dataset_answers_201_with_its_reference_and_the_dataset_is_read_back_keyed_by_id()
        {
            var schemaId = await CreateProfileSchemaAsync(_client);

            var response = await _client.PostJsonAsync(DataSets, @"{""name"": ""Orders"", ""description"": ""Shopify orders"", ""tags"": {""unifiedProfile"": [""enabled:true""]},
                ""schemaRef"": {""id"": """ + schemaId + @""", ""contentType"": """ + FullNoText + @"""}}");
            var created = (await response.ExpectAsync(HttpStatusCode.Created)).AsArray();
            var id = ((string)created.Single()!).Substring("@/dataSets/".Length);
            var read = await (await _client.GetAsync(DataSets + "/" + id)).ExpectAsync(HttpStatusCode.OK);

            Assert.Matches("^[0-9a-f]{24}$", id);
            Assert.Equal(DataSets + "/" + id, response.Headers.Location!.OriginalString);
            var dataSet = read[id]!;
            Assert.Equal("Orders", (string)dataSet["name"]!);
            Assert.Equal(schemaId, (string)dataSet["schemaRef"]!["id"]!);
            Assert.Equal(FullNoText, (string)dataSet["schemaRef"]!["contentType"]!);
            Assert.Equal("enabled:true", (string)dataSet["tags"]!["unifiedProfile"]![0]!);
            Assert.Equal(PlatformTestClient.OrgId, (string)dataSet["imsOrg"]!);
            Assert.Equal("1.0.0", (string)dataSet["version"]!);
            Assert.Equal(_engine.Options.Clock.GetUtcNow().ToUnixTimeMilliseconds(), (long)dataSet["created"]!, 60000d);
            Assert.Equal((long)dataSet["created"]!, (long)dataSet["updated"]!);
        }

        [Fact]
        public async Task A_dataset_named_by_the_schemas_alt_id_refers_to_its_id()
        {
            var schemaId = await CreateProfileSchemaAsync(_client);
            var altId = (string)_engine.Sandbox("prod")!.Collection("schemas").Find(schemaId)!["meta:altId"]!;

            var id = await CreateDataSetAsync(_client, altId);

            Assert.Equal(schemaId, (string)_engine.Sandbox("prod")!.Collection("dataSets").Find(id)!["schemaRef"]!["id"]!);
        }

        [Theory]
        [InlineData(@"{""schemaRef"": {""id"": ""{SCHEMA}"", ""contentType"": ""application/vnd.adobe.xed-full+json;version=1""}}", "2001-400", "name")]
        [InlineData(@"{""name"": ""d""}", "2001-400", "schemaRef.id")]
        [InlineData(@"{""name"": ""d"", ""tags"": [""x""], ""schemaRef"": {""id"": ""{SCHEMA}"", ""contentType"": ""application/vnd.adobe.xed-full+json;version=1""}}", "2001-400", "tags")]
        [InlineData(@"{""name"": ""d"", ""schemaRef"": {""id"": ""https://ns.adobe.com/platformflow/schemas/0000"", ""contentType"": ""application/vnd.adobe.xed-full+json;version=1""}}", "2002-400", "schemas/0000")]
        [InlineData(@"{""name"": ""d"", ""schemaRef"": {""id"": ""{SCHEMA}""}}", "2003-400", "contentType is missing")]
        [InlineData(@"{""name"": ""d"", ""schemaRef"": {""id"": ""{SCHEMA}"", ""contentType"": ""application/json""}}", "2003-400", "application/json")]
        [InlineData(@"{""name"": ""d"", ""schemaRef"": {""id"": ""{SCHEMA}"", ""contentType"": ""application/vnd.adobe.xed-full+json;version=2""}}", "2003-400", "version=2")]
        public async Task An_invalid_dataset_is_refused_with_a_400_naming_the_field(string body, string code, string mentioned)
        {
            var schemaId = await CreateProfileSchemaAsync(_client);

            var detail = await (await _client.PostJsonAsync(DataSets, body.Replace("{SCHEMA}", schemaId))).ExpectProblemAsync(HttpStatusCode.BadRequest, "CAT", code);

            Assert.Contains(mentioned, detail);
            Assert.Equal(0, _engine.Sandbox("prod")!.Collection("dataSets").Count);
        }

        [Fact]
        public async Task The_singular_dataSet_path_of_the_older_tutorial_does_not_exist()
        {
            var schemaId = await CreateProfileSchemaAsync(_client);

            var response = await _client.PostJsonAsync("/data/foundation/catalog/dataSet", @"{""name"": ""d"", ""schemaRef"": {""id"": """ + schemaId + @""", ""contentType"": """ + FullNoText + @"""}}");

            await response.ExpectProblemAsync(HttpStatusCode.NotFound, "CAT", ErrorCodes.RouteNotFound);
            Assert.Equal(0, _engine.Sandbox("prod")!.Collection("dataSets").Count);
        }

        [Fact]
        public async Task Deleting_a_dataset_answers_200_with_its_reference_then_it_is_gone()
        {
            var id = await CreateDataSetAsync(_client, await CreateProfileSchemaAsync(_client));

            var deleted = await (await _client.DeleteAsync(DataSets + "/" + id)).ExpectAsync(HttpStatusCode.OK);

            Assert.Equal("@/dataSets/" + id, (string)deleted[0]!);
            Assert.Contains(id, await (await _client.GetAsync(DataSets + "/" + id)).ExpectProblemAsync(HttpStatusCode.NotFound, "CAT", "2004-404"));
            await (await _client.DeleteAsync(DataSets + "/" + id)).ExpectProblemAsync(HttpStatusCode.NotFound, "CAT", "2004-404");
        }

        [Fact]
        public async Task Listing_filters_orders_pages_and_projects()
        {
            var schemaId = await CreateProfileSchemaAsync(_client);
            var orders = await CreateDataSetAsync(_client, schemaId, "Orders");
            var customers = await CreateDataSetAsync(_client, schemaId, "Customers");
            var returns = await CreateDataSetAsync(_client, schemaId, "Order returns");

            async Task<JsonObject> List(string query) => (await (await _client.GetAsync(DataSets + query)).ExpectAsync(HttpStatusCode.OK)).AsObject();

            Assert.Equal(new[] { orders, customers, returns }, (await List("")).Select(p => p.Key));
            Assert.Equal(new[] { customers }, (await List("?name=Customers")).Select(p => p.Key));
            Assert.Equal(new[] { orders, customers }, (await List("?name=Orders,Customers")).Select(p => p.Key));
            Assert.Equal(new[] { orders, returns }, (await List("?property=name~%5EOrder")).Select(p => p.Key));
            Assert.Equal(new[] { customers }, (await List("?property=name!=Orders&property=name!=Order%20returns")).Select(p => p.Key));
            Assert.Equal(new[] { orders, returns, customers }, (await List("?orderBy=desc:name")).Select(p => p.Key));
            Assert.Equal(new[] { customers }, (await List("?orderBy=asc:name&limit=1")).Select(p => p.Key));
            Assert.Equal(new[] { returns }, (await List("?start=2")).Select(p => p.Key));
            Assert.Equal(new[] { "name" }, (await List("?properties=name"))[orders]!.AsObject().Select(p => p.Key));
            Assert.Equal(3, (await List("?property=schemaRef.id==" + System.Uri.EscapeDataString(schemaId))).Count);
        }

        [Fact]
        public async Task The_default_page_is_50_and_a_limit_above_100_is_refused()
        {
            var schemaId = await CreateProfileSchemaAsync(_client);
            for (var i = 0; i < 51; i++)
            {
                await CreateDataSetAsync(_client, schemaId, "Set " + i);
            }

            var page = await (await _client.GetAsync(DataSets)).ExpectAsync(HttpStatusCode.OK);

            Assert.Equal(50, page.AsObject().Count);
            await (await _client.GetAsync(DataSets + "?limit=101")).ExpectProblemAsync(HttpStatusCode.BadRequest, "CAT", "2005-400");
            await (await _client.GetAsync(DataSets + "?orderBy=sideways:name")).ExpectProblemAsync(HttpStatusCode.BadRequest, "CAT", "2005-400");
        }

        [Fact]
        public async Task A_dataset_created_in_prod_is_not_in_dev()
        {
            var id = await CreateDataSetAsync(_client, await CreateProfileSchemaAsync(_client));
            var dev = PlatformTestClient.Create(_engine, "dev");

            await (await dev.GetAsync(DataSets + "/" + id)).ExpectProblemAsync(HttpStatusCode.NotFound, "CAT", "2004-404");
            Assert.Empty((await (await dev.GetAsync(DataSets)).ExpectAsync(HttpStatusCode.OK)).AsObject());
        }
    }
}
