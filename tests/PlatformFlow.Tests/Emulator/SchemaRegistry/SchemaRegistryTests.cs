using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using PlatformFlow.Emulator.Engine;
using PlatformFlow.Tests.Support;
using Xunit;
using static PlatformFlow.Tests.Support.XdmTestSchemas;

namespace PlatformFlow.Tests.Emulator.SchemaRegistry
{
    public sealed class SchemaRegistryTests
    {
        private const string Schemas = "/data/foundation/schemaregistry/tenant/schemas";
        private const string Composed = "application/vnd.adobe.xed+json; version=1";
        private const string Full = "application/vnd.adobe.xed-full+json; version=1";

        private readonly EmulatorEngine _engine = new EmulatorEngine(new EmulatorOptions { TenantId = "acme" });
        private readonly HttpClient _client;

        public SchemaRegistryTests()
        {
            _client = PlatformTestClient.Create(_engine);
        }

        [Fact]
        public async Task Creating_a_schema_answers_201_with_the_composed_schema_the_tutorial_shows()
        {
            var response = await _client.PostJsonAsync(Schemas, ProfileSchemaBody("Test Shopify schema"));
            var schema = (await response.ExpectAsync(HttpStatusCode.Created)).AsObject();

            var hash = Regex.Match((string)schema["$id"]!, "^https://ns\\.adobe\\.com/acme/schemas/([0-9a-f]{48})$");
            Assert.True(hash.Success, (string)schema["$id"]!);
            Assert.Equal("_acme.schemas." + hash.Groups[1].Value, (string)schema["meta:altId"]!);
            Assert.Equal("1.0", (string)schema["version"]!);
            Assert.Equal(PlatformTestClient.OrgId, (string)schema["imsOrg"]!);
            Assert.Equal(ProfileClass, (string)schema["meta:class"]!);
            Assert.Equal(new[] { PersonDetails, PersonalDetails, ProfileClass }, schema["refs"]!.AsArray().Select(r => (string)r!));
            Assert.Equal(
                new[] { PersonDetails, PersonalDetails, "https://ns.adobe.com/xdm/common/auditable", "https://ns.adobe.com/xdm/data/record", ProfileClass },
                schema["meta:extends"]!.AsArray().Select(r => (string)r!));
            Assert.Equal("_acme", (string)schema["meta:tenantNamespace"]!);
            Assert.Equal("production", (string)schema["meta:sandboxType"]!);
            var eTag = (string)schema["meta:registryMetadata"]!["eTag"]!;
            Assert.Matches("^[0-9a-f]{64}$", eTag);
            Assert.Equal("\"" + eTag + "\"", response.Headers.ETag!.Tag);
            Assert.True(schema["allOf"]!.AsArray().All(a => (string)a!["meta:xdmType"]! == "object"));
        }

        [Fact]
        public async Task An_emulator_given_no_tenant_names_its_schemas_in_the_platformflow_tenant()
        {
            using var client = PlatformTestClient.Create(new EmulatorEngine(new EmulatorOptions()));

            var response = await client.PostJsonAsync(Schemas, ProfileSchemaBody("Default tenant schema"));
            var schema = (await response.ExpectAsync(HttpStatusCode.Created)).AsObject();

            Assert.Matches("^https://ns\\.adobe\\.com/platformflow/schemas/[0-9a-f]{48}$", (string)schema["$id"]!);
            Assert.Equal("_platformflow", (string)schema["meta:tenantNamespace"]!);
        }

        [Theory]
        [InlineData(@"{""allOf"": [{""$ref"": ""https://ns.adobe.com/xdm/context/profile""}]}", "1014-400", "title")]
        [InlineData(@"{""title"": ""T"", ""allOf"": []}", "1014-400", "allOf")]
        [InlineData(@"{""title"": ""T"", ""type"": ""array"", ""allOf"": [{""$ref"": ""https://ns.adobe.com/xdm/context/profile""}]}", "1014-400", "type")]
        [InlineData(@"{""title"": ""T"", ""allOf"": [{""$ref"": ""https://ns.adobe.com/xdm/context/profile""}, {""$ref"": ""https://ns.adobe.com/xdm/context/no-such-group""}]}", "1015-400", "no-such-group")]
        [InlineData(@"{""title"": ""T"", ""allOf"": [{""$ref"": ""https://ns.adobe.com/xdm/context/profile""}, {""$ref"": ""https://ns.adobe.com/xdm/context/person""}]}", "1015-400", "datatypes")]
        [InlineData(@"{""title"": ""T"", ""allOf"": [{""$ref"": ""https://ns.adobe.com/xdm/context/profile-personal-details""}]}", "1016-400", "no class")]
        [InlineData(@"{""title"": ""T"", ""allOf"": [{""$ref"": ""https://ns.adobe.com/xdm/context/profile""}, {""$ref"": ""https://ns.adobe.com/xdm/context/experienceevent""}]}", "1016-400", "2 classes")]
        [InlineData(@"{""title"": ""T"", ""meta:class"": ""https://ns.adobe.com/xdm/context/experienceevent"", ""allOf"": [{""$ref"": ""https://ns.adobe.com/xdm/context/profile""}]}", "1016-400", "meta:class")]
        [InlineData(@"{""title"": ""T"", ""allOf"": [{""$ref"": ""https://ns.adobe.com/xdm/context/experienceevent""}, {""$ref"": ""https://ns.adobe.com/xdm/context/profile-person-details""}]}", "1017-400", "profile-person-details")]
        public async Task An_invalid_schema_is_refused_with_a_400_naming_the_problem(string body, string code, string mentioned)
        {
            var detail = await (await _client.PostJsonAsync(Schemas, body)).ExpectProblemAsync(HttpStatusCode.BadRequest, "XDM", code);

            Assert.Contains(mentioned, detail);
            Assert.Equal(0, _engine.Sandbox("prod")!.Collection("schemas").Count);
        }

        [Fact]
        public async Task A_second_schema_with_the_same_title_is_refused()
        {
            var first = await CreateProfileSchemaAsync(_client, "Customers");

            var detail = await (await _client.PostJsonAsync(Schemas, ProfileSchemaBody("customers"))).ExpectProblemAsync(HttpStatusCode.BadRequest, "XDM", "1018-400");

            Assert.Contains(first, detail);
        }

        [Fact]
        public async Task A_schema_is_found_by_its_encoded_id_and_by_its_alt_id_with_its_etag()
        {
            var id = await CreateProfileSchemaAsync(_client);
            var byId = await (await _client.GetAsync(Schemas + "/" + Encoded(id), Composed)).ExpectAsync(HttpStatusCode.OK);
            var altId = (string)byId["meta:altId"]!;

            var byAltId = await _client.GetAsync(Schemas + "/" + altId, Composed);

            Assert.Equal(id, (string)(await byAltId.ExpectAsync(HttpStatusCode.OK))["$id"]!);
            Assert.Equal("\"" + byId["meta:registryMetadata"]!["eTag"] + "\"", byAltId.Headers.ETag!.Tag);
            Assert.Equal(3, byId["allOf"]!.AsArray().Count);
            Assert.Null(byId["properties"]);
        }

        [Fact]
        public async Task An_id_sent_without_url_encoding_is_not_a_schema_path()
        {
            var id = await CreateProfileSchemaAsync(_client);

            var response = await _client.GetAsync(Schemas + "/" + id, Composed);

            await response.ExpectProblemAsync(HttpStatusCode.NotFound, "XDM", ErrorCodes.RouteNotFound);
        }

        [Fact]
        public async Task The_full_format_resolves_every_field_and_notext_drops_field_texts()
        {
            var id = await CreateProfileSchemaAsync(_client);

            var full = await (await _client.GetAsync(Schemas + "/" + Encoded(id), Full)).ExpectAsync(HttpStatusCode.OK);
            var noText = await (await _client.GetAsync(Schemas + "/" + Encoded(id), FullNoText)).ExpectAsync(HttpStatusCode.OK);

            Assert.Null(full["allOf"]);
            Assert.Equal("email", (string)full["properties"]!["personalEmail"]!["properties"]!["address"]!["format"]!);
            Assert.Equal("Personal email", (string)full["properties"]!["personalEmail"]!["title"]!);
            Assert.Equal("string", (string)full["properties"]!["person"]!["properties"]!["name"]!["properties"]!["firstName"]!["type"]!);
            Assert.Equal("date-time", (string)full["properties"]!["_repo"]!["properties"]!["createDate"]!["format"]!);
            Assert.Null(noText["properties"]!["personalEmail"]!["title"]);
            Assert.Null(noText["properties"]!["personalEmail"]!["properties"]!["address"]!["description"]);
            Assert.Equal("string", (string)noText["properties"]!["mobilePhone"]!["properties"]!["number"]!["type"]!);
        }

        [Theory]
        [InlineData(null, HttpStatusCode.BadRequest, "1007-400")]
        [InlineData("application/json", HttpStatusCode.BadRequest, "1007-400")]
        [InlineData("application/vnd.adobe.xed+json", HttpStatusCode.BadRequest, "1007-400")]
        [InlineData("application/vnd.adobe.xed+json; version=2", (HttpStatusCode)406, "1013-406")]
        [InlineData("application/vnd.adobe.xed-id+json; version=1", (HttpStatusCode)406, "1013-406")]
        public async Task A_lookup_needs_an_accept_header_with_a_served_format_and_version(string? accept, HttpStatusCode status, string code)
        {
            var id = await CreateProfileSchemaAsync(_client);

            await (await _client.GetAsync(Schemas + "/" + Encoded(id), accept)).ExpectProblemAsync(status, "XDM", code);
        }

        [Fact]
        public async Task An_unknown_schema_is_a_404()
        {
            var detail = await (await _client.GetAsync(Schemas + "/_acme.schemas.0000", Composed)).ExpectProblemAsync(HttpStatusCode.NotFound, "XDM", "1012-404");

            Assert.Contains("_acme.schemas.0000", detail);
        }

        [Fact]
        public async Task Listing_with_xed_id_gives_summaries_and_orderby_limit_pages_with_a_next_link()
        {
            foreach (var title in new[] { "Charlie", "Alpha", "Bravo" })
            {
                await CreateProfileSchemaAsync(_client, title);
            }

            var all = await (await _client.GetAsync(Schemas, "application/vnd.adobe.xed-id+json")).ExpectAsync(HttpStatusCode.OK);
            var first = await (await _client.GetAsync(Schemas + "?orderby=title&limit=2", "application/vnd.adobe.xed-id+json")).ExpectAsync(HttpStatusCode.OK);
            var next = (string)first["_links"]!["next"]!["href"]!;
            var second = await (await _client.GetAsync(next, "application/vnd.adobe.xed-id+json")).ExpectAsync(HttpStatusCode.OK);

            Assert.Equal(new[] { "$id", "meta:altId", "version", "title" }, all["results"]![0]!.AsObject().Select(p => p.Key));
            Assert.Equal(new[] { "Alpha", "Bravo" }, first["results"]!.AsArray().Select(r => (string)r!["title"]!));
            Assert.Equal("Bravo", (string)first["_page"]!["next"]!);
            Assert.Equal(new[] { "Charlie" }, second["results"]!.AsArray().Select(r => (string)r!["title"]!));
            Assert.Null(second["_links"]!["next"]);
            Assert.NotNull(all["_links"]!["global_schemas"]!["href"]);
        }

        [Fact]
        public async Task A_property_filter_selects_field_groups_by_the_class_they_extend()
        {
            var forEvents = await (await _client.GetAsync("/data/foundation/schemaregistry/global/fieldgroups?property=meta:intendedToExtend==https://ns.adobe.com/xdm/context/experienceevent", "application/vnd.adobe.xed-id+json")).ExpectAsync(HttpStatusCode.OK);
            var notForEvents = await (await _client.GetAsync("/data/foundation/schemaregistry/global/fieldgroups?property=meta:intendedToExtend!=https://ns.adobe.com/xdm/context/experienceevent", "application/vnd.adobe.xed-id+json")).ExpectAsync(HttpStatusCode.OK);
            await CreateProfileSchemaAsync(_client, "Loyalty");
            await CreateProfileSchemaAsync(_client, "Orders");
            var byTitle = await (await _client.GetAsync(Schemas + "?property=title==Orders", "application/vnd.adobe.xed-id+json")).ExpectAsync(HttpStatusCode.OK);

            Assert.Equal(new[] { "https://ns.adobe.com/xdm/context/experienceevent-commerce", "https://ns.adobe.com/xdm/context/identitymap", PersonalDetails }, forEvents["results"]!.AsArray().Select(r => (string)r!["$id"]!));
            Assert.Equal(new[] { "https://ns.adobe.com/xdm/mixins/profile-consents", PersonDetails, "https://ns.adobe.com/xdm/mixins/profile/profile-loyalty-details" }, notForEvents["results"]!.AsArray().Select(r => (string)r!["$id"]!));
            Assert.Equal(new[] { "Orders" }, byTitle["results"]!.AsArray().Select(r => (string)r!["title"]!));
            await (await _client.GetAsync(Schemas + "?property=title", "application/vnd.adobe.xed-id+json")).ExpectProblemAsync(HttpStatusCode.BadRequest, "XDM", "1020-400");
        }

        [Theory]
        [InlineData(null, "", "1006-400")]
        [InlineData("application/vnd.adobe.xed+json; version=1", "", "1006-400")]
        [InlineData("application/vnd.adobe.xed-id+json", "?limit=5", "1020-400")]
        [InlineData("application/vnd.adobe.xed-id+json", "?orderby=title&limit=-1", "1020-400")]
        public async Task A_listing_refuses_a_bad_accept_header_or_paging_without_orderby(string? accept, string query, string code)
        {
            await (await _client.GetAsync(Schemas + query, accept)).ExpectProblemAsync(HttpStatusCode.BadRequest, "XDM", code);
        }

        [Fact]
        public async Task A_schema_is_deleted_with_204_but_not_while_a_dataset_uses_it()
        {
            var kept = await CreateProfileSchemaAsync(_client, "Kept");
            var dropped = await CreateProfileSchemaAsync(_client, "Dropped");
            var dataSet = await CreateDataSetAsync(_client, kept);

            var refused = await _client.DeleteAsync(Schemas + "/" + Encoded(kept));
            var deleted = await _client.DeleteAsync(Schemas + "/" + Encoded(dropped));

            Assert.Contains(dataSet, await refused.ExpectProblemAsync(HttpStatusCode.Conflict, "XDM", "1019-409"));
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
            await (await _client.GetAsync(Schemas + "/" + Encoded(dropped), Composed)).ExpectProblemAsync(HttpStatusCode.NotFound, "XDM", "1012-404");
            await (await _client.DeleteAsync(Schemas + "/" + Encoded(dropped))).ExpectProblemAsync(HttpStatusCode.NotFound, "XDM", "1012-404");
        }

        [Fact]
        public async Task Global_classes_and_field_groups_are_served_with_their_real_ids_and_fields()
        {
            var classes = await (await _client.GetAsync("/data/foundation/schemaregistry/global/classes", "application/vnd.adobe.xed-id+json")).ExpectAsync(HttpStatusCode.OK);
            var groups = await (await _client.GetAsync("/data/foundation/schemaregistry/global/fieldgroups", "application/vnd.adobe.xed-id+json")).ExpectAsync(HttpStatusCode.OK);
            var profile = await (await _client.GetAsync("/data/foundation/schemaregistry/global/classes/" + Encoded(ProfileClass), Full)).ExpectAsync(HttpStatusCode.OK);
            var personal = await (await _client.GetAsync("/data/foundation/schemaregistry/global/fieldgroups/_xdm.context.profile-personal-details", Composed)).ExpectAsync(HttpStatusCode.OK);

            Assert.Equal(
                new[] { "https://ns.adobe.com/xdm/context/experienceevent", ProfileClass },
                classes["results"]!.AsArray().Select(r => (string)r!["$id"]!).OrderBy(i => i, System.StringComparer.Ordinal));
            Assert.Contains(PersonDetails, groups["results"]!.AsArray().Select(r => (string)r!["$id"]!));
            Assert.Equal(new[] { "_id", "_repo", "createdByBatchID", "modifiedByBatchID", "personID", "repositoryCreatedBy", "repositoryLastModifiedBy" }, profile["properties"]!.AsObject().Select(p => p.Key).OrderBy(k => k, System.StringComparer.Ordinal));
            Assert.Contains(ProfileClass, personal["meta:intendedToExtend"]!.AsArray().Select(c => (string)c!));
            await (await _client.GetAsync("/data/foundation/schemaregistry/global/classes/" + Encoded(PersonDetails), Composed)).ExpectProblemAsync(HttpStatusCode.NotFound, "XDM", "1012-404");
        }

        [Fact]
        public async Task Schemas_are_kept_per_sandbox_and_a_title_is_unique_only_within_one()
        {
            var id = await CreateProfileSchemaAsync(_client);
            var dev = PlatformTestClient.Create(_engine, "dev");

            await (await dev.GetAsync(Schemas + "/" + Encoded(id), Composed)).ExpectProblemAsync(HttpStatusCode.NotFound, "XDM", "1012-404");
            Assert.Empty((await (await dev.GetAsync(Schemas, "application/vnd.adobe.xed-id+json")).ExpectAsync(HttpStatusCode.OK))["results"]!.AsArray());
            Assert.NotEqual(id, await CreateProfileSchemaAsync(dev));
        }
    }
}
