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
    public sealed class DataPrepTests
    {
        private const string MappingSets = "/data/foundation/conversion/mappingSets";

        private readonly EmulatorEngine _engine = new EmulatorEngine();
        private readonly HttpClient _client;

        public DataPrepTests()
        {
            _client = PlatformTestClient.Create(_engine);
        }

        private static string CurrentFormat(string schemaId, string destination = "personalEmail.address") => @"{
            ""outputSchema"": {""schemaRef"": {""id"": """ + schemaId + @""", ""contentType"": ""application/vnd.adobe.xed-full+json;version=1""}},
            ""mappings"": [
                {""sourceType"": ""ATTRIBUTE"", ""source"": ""Email"", ""destination"": """ + destination + @""", ""name"": ""email"", ""description"": ""Customer email""},
                {""sourceType"": ""EXPRESSION"", ""source"": ""lower(Phone)"", ""destination"": ""mobilePhone.number""},
                {""sourceType"": ""STATIC"", ""source"": ""shopify"", ""destination"": ""person.name.courtesyTitle""}
            ]}";

        private static string OlderFormat(string schemaId) => @"{
            ""version"": 0, ""xdmSchema"": """ + schemaId + @""", ""xdmVersion"": ""1.0"", ""id"": null,
            ""mappings"": [
                {""destinationXdmPath"": ""personalEmail.address"", ""sourceAttribute"": ""Email"", ""identity"": false, ""version"": 0},
                {""destinationXdmPath"": ""mobilePhone.number"", ""sourceAttribute"": ""Shipping_Address_Phone"", ""identity"": false, ""version"": 0}
            ]}";

        private async Task<string> CreateAsync(string body) =>
            (string)(await (await _client.PostJsonAsync(MappingSets, body)).ExpectAsync(HttpStatusCode.OK))["id"]!;

        [Fact]
        public async Task Creating_a_mapping_set_answers_200_with_its_id_version_and_audit_fields()
        {
            var schemaId = await XdmTestSchemas.CreateProfileSchemaAsync(_client);

            var created = (await (await _client.PostJsonAsync(MappingSets, CurrentFormat(schemaId))).ExpectAsync(HttpStatusCode.OK)).AsObject();

            Assert.Equal(new[] { "id", "version", "createdDate", "modifiedDate", "createdBy", "modifiedBy" }, created.Select(p => p.Key));
            Assert.Matches("^[0-9a-f]{32}$", (string)created["id"]!);
            Assert.Equal(0, (int)created["version"]!);
            Assert.Equal((long)created["createdDate"]!, (long)created["modifiedDate"]!);
            Assert.Equal(PlatformTestClient.ApiKey + "@AdobeID", (string)created["createdBy"]!);
            var stored = _engine.Sandbox("prod")!.Collection("mappingSets").Find((string)created["id"]!)!;
            Assert.Equal(0, (int)stored["version"]!);
            Assert.Equal(schemaId, (string)stored["outputSchema"]!["schemaRef"]!["id"]!);
        }

        [Fact]
        public async Task The_older_tutorial_format_is_accepted_and_kept_in_the_current_format()
        {
            var schemaId = await XdmTestSchemas.CreateProfileSchemaAsync(_client);
            var id = await CreateAsync(OlderFormat(schemaId));

            var mappingSet = await (await _client.GetAsync(MappingSets + "/" + id)).ExpectAsync(HttpStatusCode.OK);

            Assert.Equal(schemaId, (string)mappingSet["outputSchema"]!["schemaRef"]!["id"]!);
            Assert.Equal("application/vnd.adobe.xed-full+json;version=1", (string)mappingSet["outputSchema"]!["schemaRef"]!["contentType"]!);
            var first = mappingSet["mappings"]![0]!;
            Assert.Equal("ATTRIBUTE", (string)first["sourceType"]!);
            Assert.Equal("Email", (string)first["source"]!);
            Assert.Equal("personalEmail.address", (string)first["destination"]!);
            Assert.False((bool)first["identity"]!);
            Assert.Null(first["sourceAttribute"]);
            Assert.Null(mappingSet["xdmSchema"]);
        }

        [Theory]
        [InlineData("{OUT}", "personalEmail.adress", "3003-400", "personalEmail.adress")]
        [InlineData("{OUT}", "personalEmail", "3003-400", "mappings[0]")]
        [InlineData(@"{""outputSchema"": {""schemaRef"": {""id"": ""https://ns.adobe.com/platformflow/schemas/00"", ""contentType"": ""application/vnd.adobe.xed-full+json;version=1""}}, ""mappings"": [{""sourceType"": ""ATTRIBUTE"", ""source"": ""a"", ""destination"": ""_id""}]}", "", "3002-400", "schemas/00")]
        [InlineData(@"{""outputSchema"": {""schemaRef"": {""id"": ""{SCHEMA}"", ""contentType"": ""application/vnd.adobe.xed-full+json;version=1""}}, ""mappings"": []}", "", "3001-400", "mappings")]
        [InlineData(@"{""outputSchema"": {""schemaRef"": {""id"": ""{SCHEMA}"", ""contentType"": ""application/vnd.adobe.xed-full+json;version=1""}}, ""mappings"": [{""sourceType"": ""COLUMN"", ""source"": ""a"", ""destination"": ""_id""}]}", "", "3001-400", "sourceType")]
        [InlineData(@"{""outputSchema"": {""schemaRef"": {""id"": ""{SCHEMA}"", ""contentType"": ""application/vnd.adobe.xed-full+json;version=1""}}, ""mappings"": [{""sourceType"": ""ATTRIBUTE"", ""destination"": ""_id""}]}", "", "3001-400", "mappings[0].source")]
        [InlineData(@"{""outputSchema"": {""schemaRef"": {""id"": ""{SCHEMA}""}}, ""mappings"": [{""sourceType"": ""ATTRIBUTE"", ""source"": ""a"", ""destination"": ""_id""}]}", "", "3001-400", "contentType")]
        [InlineData(@"{""mappings"": [{""sourceType"": ""ATTRIBUTE"", ""source"": ""a"", ""destination"": ""_id""}]}", "", "3001-400", "outputSchema.schemaRef.id")]
        [InlineData(@"{""xdmSchema"": ""{SCHEMA}"", ""outputSchema"": {}, ""mappings"": []}", "", "3001-400", "mixes")]
        [InlineData(@"{""xdmSchema"": ""{SCHEMA}"", ""xdmVersion"": ""2.0"", ""mappings"": [{""sourceAttribute"": ""a"", ""destinationXdmPath"": ""_id""}]}", "", "3001-400", "xdmVersion")]
        [InlineData(@"{""xdmSchema"": ""{SCHEMA}"", ""mappings"": [{""sourceAttribute"": ""a"", ""destinationXdmPath"": ""person.nickname""}]}", "", "3003-400", "person.nickname")]
        public async Task An_invalid_mapping_set_is_refused_with_a_400_naming_the_problem(string body, string destination, string code, string mentioned)
        {
            var schemaId = await XdmTestSchemas.CreateProfileSchemaAsync(_client);
            var request = body == "{OUT}" ? CurrentFormat(schemaId, destination) : body.Replace("{SCHEMA}", schemaId);

            var detail = await (await _client.PostJsonAsync(MappingSets, request)).ExpectProblemAsync(HttpStatusCode.BadRequest, "DPS", code);

            Assert.Contains(mentioned, detail);
            Assert.Equal(0, _engine.Sandbox("prod")!.Collection("mappingSets").Count);
        }

        [Fact]
        public async Task A_put_makes_the_next_version_and_every_version_stays_readable()
        {
            var schemaId = await XdmTestSchemas.CreateProfileSchemaAsync(_client);
            var id = await CreateAsync(OlderFormat(schemaId));

            var updated = await (await _client.PutJsonAsync(MappingSets + "/" + id, CurrentFormat(schemaId))).ExpectAsync(HttpStatusCode.OK);
            var latest = await (await _client.GetAsync(MappingSets + "/" + id)).ExpectAsync(HttpStatusCode.OK);
            var first = await (await _client.GetAsync(MappingSets + "/" + id + "?version=0")).ExpectAsync(HttpStatusCode.OK);

            Assert.Equal(1, (int)updated["version"]!);
            Assert.Equal(id, (string)updated["id"]!);
            Assert.Equal(3, latest["mappings"]!.AsArray().Count);
            Assert.Equal(2, first["mappings"]!.AsArray().Count);
            Assert.Equal(1, (int)_engine.Sandbox("prod")!.Collection("mappingSets").Find(id)!["version"]!);
            Assert.Contains("no version 7", await (await _client.GetAsync(MappingSets + "/" + id + "?version=7")).ExpectProblemAsync(HttpStatusCode.NotFound, "DPS", "3004-404"));
            await (await _client.GetAsync(MappingSets + "/" + id + "?version=x")).ExpectProblemAsync(HttpStatusCode.BadRequest, "DPS", "3006-400");
            await (await _client.PutJsonAsync(MappingSets + "/0123", CurrentFormat(schemaId))).ExpectProblemAsync(HttpStatusCode.NotFound, "DPS", "3004-404");
        }

        [Fact]
        public async Task The_mappings_of_a_set_are_listed_and_read_one_by_one()
        {
            var schemaId = await XdmTestSchemas.CreateProfileSchemaAsync(_client);
            var id = await CreateAsync(CurrentFormat(schemaId));

            var mappings = (await (await _client.GetAsync(MappingSets + "/" + id + "/mappings")).ExpectAsync(HttpStatusCode.OK)).AsArray();
            var mappingId = (string)mappings[1]!["id"]!;
            var one = await (await _client.GetAsync(MappingSets + "/" + id + "/mappings/" + mappingId)).ExpectAsync(HttpStatusCode.OK);

            Assert.Equal(new[] { "personalEmail.address", "mobilePhone.number", "person.name.courtesyTitle" }, mappings.Select(m => (string)m!["destination"]!));
            Assert.Equal("lower(Phone)", (string)one["source"]!);
            Assert.Equal("Customer email", (string)mappings[0]!["description"]!);
            await (await _client.GetAsync(MappingSets + "/" + id + "/mappings/ffff")).ExpectProblemAsync(HttpStatusCode.NotFound, "DPS", "3005-404");
            await (await _client.GetAsync(MappingSets + "/ffff/mappings")).ExpectProblemAsync(HttpStatusCode.NotFound, "DPS", "3004-404");
        }

        [Fact]
        public async Task Listing_pages_with_limit_and_start_and_links_the_next_page()
        {
            var schemaId = await XdmTestSchemas.CreateProfileSchemaAsync(_client);
            var ids = new[] { await CreateAsync(CurrentFormat(schemaId)), await CreateAsync(CurrentFormat(schemaId)), await CreateAsync(CurrentFormat(schemaId)) };

            var first = await (await _client.GetAsync(MappingSets + "?limit=2&start=0")).ExpectAsync(HttpStatusCode.OK);
            var second = await (await _client.GetAsync((string)first["_links"]!["next"]!["href"]!)).ExpectAsync(HttpStatusCode.OK);

            var listed = first["data"]!.AsArray().Concat(second["data"]!.AsArray()).Select(m => (string)m!["id"]!).ToList();
            Assert.Equal(ids.OrderBy(i => i), listed.OrderBy(i => i));
            Assert.Equal(2, (int)first["_page"]!["count"]!);
            Assert.Equal(2, (int)first["_page"]!["limit"]!);
            Assert.Null(second["_links"]!["next"]);
            await (await _client.GetAsync(MappingSets + "?limit=0")).ExpectProblemAsync(HttpStatusCode.BadRequest, "DPS", "3006-400");
            await (await _client.GetAsync(MappingSets + "?orderBy=-name")).ExpectProblemAsync(HttpStatusCode.BadRequest, "DPS", "3006-400");
        }

        [Fact]
        public async Task Mapping_sets_are_kept_per_sandbox()
        {
            var id = await CreateAsync(CurrentFormat(await XdmTestSchemas.CreateProfileSchemaAsync(_client)));
            var dev = PlatformTestClient.Create(_engine, "dev");

            await (await dev.GetAsync(MappingSets + "/" + id)).ExpectProblemAsync(HttpStatusCode.NotFound, "DPS", "3004-404");
            Assert.Empty((await (await dev.GetAsync(MappingSets)).ExpectAsync(HttpStatusCode.OK))["data"]!.AsArray());
        }
    }
}
