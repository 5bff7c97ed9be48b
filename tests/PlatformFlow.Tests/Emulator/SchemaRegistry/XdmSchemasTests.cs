using System.Net.Http;
using System.Threading.Tasks;
using PlatformFlow.Emulator.Engine;
using PlatformFlow.Emulator.SchemaRegistry;
using PlatformFlow.Tests.Support;
using Xunit;

namespace PlatformFlow.Tests.Emulator.SchemaRegistry
{
    public sealed class XdmSchemasTests
    {
        private readonly EmulatorEngine _engine = new EmulatorEngine();

        [Fact]
        public async Task The_field_paths_of_the_tutorial_schema_are_its_leaf_fields()
        {
            var client = PlatformTestClient.Create(_engine);
            var id = await XdmTestSchemas.CreateProfileSchemaAsync(client);
            var schema = XdmSchemas.FindTenantSchema(_engine.Sandbox("prod")!, id)!;

            var paths = XdmSchemas.FieldPaths(schema);

            foreach (var leaf in new[] { "_id", "_repo.createDate", "personID", "person.name.firstName", "person.birthDate", "person.gender", "personalEmail.address", "mobilePhone.number", "homePhone.number", "homeAddress.street1", "homeAddress.city", "homeAddress.postalCode", "homeAddress._schema.latitude" })
            {
                Assert.Contains(leaf, paths.Leaves);
            }

            Assert.DoesNotContain("personalEmail", paths.Leaves);
            Assert.DoesNotContain("person.name", paths.Leaves);
            Assert.False(paths.Accepts("personalEmail"));
            Assert.False(paths.Accepts("personalEmail.adress"));
            Assert.False(paths.Accepts("identityMap.Email[0].id"));
        }

        [Fact]
        public async Task Values_inside_a_map_field_are_accepted_under_it()
        {
            var client = PlatformTestClient.Create(_engine);
            var response = await client.PostJsonAsync("/data/foundation/schemaregistry/tenant/schemas", @"{""title"": ""Events"", ""allOf"": [
                {""$ref"": ""https://ns.adobe.com/xdm/context/experienceevent""}, {""$ref"": ""https://ns.adobe.com/xdm/context/profile-personal-details""}]}");
            var id = (string)(await response.ExpectAsync(System.Net.HttpStatusCode.Created))["$id"]!;

            var paths = XdmSchemas.FieldPaths(XdmSchemas.FindTenantSchema(_engine.Sandbox("prod")!, id)!);

            Assert.Contains("identityMap", paths.Leaves);
            Assert.Contains("timestamp", paths.Leaves);
            Assert.Contains("eventType", paths.Leaves);
            Assert.True(paths.Accepts("identityMap.Email[0].id"));
            Assert.True(paths.Accepts("personalEmail.address"));
            Assert.False(paths.Accepts("identityMapx"));
        }
    }
}
