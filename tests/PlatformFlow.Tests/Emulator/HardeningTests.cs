using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using PlatformFlow.Emulator.Engine;
using PlatformFlow.Tests.Emulator.FlowService;
using PlatformFlow.Tests.Support;
using Xunit;

namespace PlatformFlow.Tests.Emulator
{
    /// <summary>The requests that made the emulator answer 500, each now a 400 that says what is wrong.</summary>
    public sealed class HardeningTests
    {
        private const string Registry = "/data/foundation/schemaregistry";
        private const string Catalog = "/data/foundation/catalog/dataSets";

        [Fact]
        public async Task A_member_named_twice_is_a_400_on_every_write()
        {
            using var bed = new FlowServiceTestBed();
            var pipeline = await bed.CreatePipeline();
            var message = (await bed.Send(HttpMethod.Post, FlowServiceTestBed.Flow + "/flows", @"{""name"":""a"",""name"":""b""}")).AssertFlowError(HttpStatusCode.BadRequest, "1001-400");
            Assert.Contains("'name' appears twice", message);

            using var client = PlatformTestClient.Create(bed.Engine);
            var put = await client.PutJsonAsync("/data/foundation/conversion/mappingSets/" + pipeline.MappingId, @"{""outputSchema"":{},""mappings"":[],""mappings"":[]}");
            Assert.Contains("'mappings' appears twice", await put.ExpectProblemAsync(HttpStatusCode.BadRequest, "DPS", "1001-400"));
            var dataSet = await client.PostJsonAsync(Catalog, @"{""name"":""a"",""schemaRef"":{""id"":""x"",""id"":""y""}}");
            Assert.Contains("'id' appears twice", await dataSet.ExpectProblemAsync(HttpStatusCode.BadRequest, "CAT", "1001-400"));
            Assert.Equal(0, bed.Engine.Sandbox("prod")!.Collection(PlatformFlow.Emulator.FlowService.ResourceKind.Flow.Collection).Count);
        }

        [Theory]
        [InlineData(@"{""name"":""\ud800""}")]
        [InlineData(@"{""name"":""x\udc00y""}")]
        [InlineData(@"{""\ud800"":1}")]
        public async Task An_unpaired_surrogate_is_a_400(string body)
        {
            using var bed = new FlowServiceTestBed();
            var message = (await bed.Send(HttpMethod.Post, FlowServiceTestBed.Flow + "/connections", body)).AssertFlowError(HttpStatusCode.BadRequest, "1001-400");
            Assert.Contains("not valid UTF-16", message);
        }

        [Theory]
        [InlineData("")]
        [InlineData(",")]
        [InlineData("title,")]
        [InlineData("+")]
        [InlineData("--title")]
        public async Task An_empty_or_malformed_registry_orderby_is_a_400(string orderby)
        {
            using var bed = new FlowServiceTestBed();
            using var client = PlatformTestClient.Create(bed.Engine);
            var response = await client.GetAsync(Registry + "/tenant/schemas?orderby=" + System.Uri.EscapeDataString(orderby), "application/vnd.adobe.xed-id+json");
            Assert.Contains("orderby takes field names", await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "XDM", ErrorCodes.SchemaListQueryInvalid));
            var sorted = await client.GetAsync(Registry + "/tenant/schemas?orderby=-title,version", "application/vnd.adobe.xed-id+json");
            await sorted.ExpectAsync(HttpStatusCode.OK);
        }

        [Fact]
        public async Task A_catastrophic_pattern_filter_stops_at_its_time_limit_with_a_400()
        {
            using var bed = new FlowServiceTestBed();
            var schemaId = await bed.CreateSchema();
            using var client = PlatformTestClient.Create(bed.Engine);
            foreach (var i in Enumerable.Range(0, 3))
            {
                var created = await client.PostJsonAsync(Catalog, @"{""name"":""" + new string('a', 40) + "!" + i + @""",""schemaRef"":{""id"":""" + schemaId + @""",""contentType"":""application/vnd.adobe.xed-full-notext+json; version=1""}}");
                await created.ExpectAsync(HttpStatusCode.Created);
            }

            var answer = await client.GetAsync(Catalog + "?property=" + System.Uri.EscapeDataString("name~^(a+)+$"));
            Assert.Contains("took longer than 250 ms", await answer.ExpectProblemAsync(HttpStatusCode.BadRequest, "CAT", ErrorCodes.DataSetQueryInvalid));
            var simple = await (await client.GetAsync(Catalog + "?property=" + System.Uri.EscapeDataString("name~!1$"))).ExpectAsync(HttpStatusCode.OK);
            Assert.Single(simple.AsObject());
        }
    }
}
