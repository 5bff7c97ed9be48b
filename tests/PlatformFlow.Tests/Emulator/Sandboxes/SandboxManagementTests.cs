using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using PlatformFlow.Client.Operations;
using PlatformFlow.Emulator.Engine;
using PlatformFlow.Tests.Support;
using Xunit;

namespace PlatformFlow.Tests.Emulator.Sandboxes
{
    /// <summary>The Sandbox API's list (<c>GET /sandbox-management/sandboxes</c>) in the emulator, and the client that pages through it.</summary>
    public sealed class SandboxManagementTests
    {
        private const string Sandboxes = "/data/foundation/sandbox-management/sandboxes";

        private readonly EmulatorEngine _engine = new EmulatorEngine(new EmulatorOptions { Sandboxes = new[] { "prod", "dev", "qa", "uat" } });
        private readonly HttpClient _client;

        public SandboxManagementTests()
        {
            _client = PlatformTestClient.Create(_engine);
        }

        [Fact]
        public async Task Lists_the_configured_sandboxes_prod_as_the_default_production_one()
        {
            var page = await (await _client.GetAsync(Sandboxes)).ExpectAsync(HttpStatusCode.OK);
            var sandboxes = page["sandboxes"]!.AsArray();

            Assert.Equal(new[] { "prod", "dev", "qa", "uat" }, sandboxes.Select(s => (string)s!["name"]!));
            Assert.Equal(new[] { "production", "development", "development", "development" }, sandboxes.Select(s => (string)s!["type"]!));
            Assert.Equal(new[] { true, false, false, false }, sandboxes.Select(s => (bool)s!["isDefault"]!));
            Assert.All(sandboxes, s => Assert.Equal("active", (string)s!["state"]!));
            Assert.Equal(4, (int)page["_page"]!["count"]!);
        }

        [Fact]
        public async Task Pages_by_limit_and_offset()
        {
            var page = await (await _client.GetAsync(Sandboxes + "?limit=2&offset=1")).ExpectAsync(HttpStatusCode.OK);

            Assert.Equal(new[] { "dev", "qa" }, page["sandboxes"]!.AsArray().Select(s => (string)s!["name"]!));
            Assert.Equal(2, (int)page["_page"]!["limit"]!);
            Assert.Equal(2, (int)page["_page"]!["count"]!);
        }

        [Theory]
        [InlineData("limit=-1")]
        [InlineData("offset=two")]
        public async Task A_limit_or_offset_that_is_not_a_whole_number_is_a_400(string query)
        {
            await (await _client.GetAsync(Sandboxes + "?" + query)).ExpectProblemAsync(HttpStatusCode.BadRequest, "SMS", "4001-400");
        }

        [Fact]
        public async Task Get_Sandbox_reads_every_page_and_matches_the_name_here()
        {
            var engine = new EmulatorEngine(new EmulatorOptions { Sandboxes = Enumerable.Range(1, 120).Select(i => "sb" + i).ToArray() });
            using var client = TestPlatform.NewClient(engine, sandbox: "sb1");

            var all = await client.Sandboxes.ListSandboxesAsync().ToListAsync();
            var pagesRead = engine.Journal.Recent.Count(e => e.Path == Sandboxes);
            var host = new RecordingHost();
            await new GetSandboxOperation(client).RunAsync("sb11*", name => name.StartsWith("sb11", System.StringComparison.Ordinal), host);

            Assert.Equal(120, all.Count);
            Assert.Equal("sb120", all.Last().Name);
            Assert.Equal(3, pagesRead);
            Assert.Equal(new[] { "sb11", "sb110", "sb111", "sb112", "sb113", "sb114", "sb115", "sb116", "sb117", "sb118", "sb119" }, host.Objects.Select(o => o.Value).OfType<PlatformFlow.Client.Models.Sandbox>().Select(s => s.Name));
        }
    }
}
