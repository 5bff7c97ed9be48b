using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
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

        [Theory]
        [InlineData(@"12", "name: name must be text")]
        [InlineData(@"""  padded""", "name: a name has no spaces at its start or end")]
        [InlineData(@"""""", "name: a name is required")]
        public async Task A_flow_or_connection_name_the_platform_cannot_list_is_refused_at_creation(string name, string expected)
        {
            using var bed = new FlowServiceTestBed();
            var pipeline = await bed.CreatePipeline();
            var flow = FlowServiceTestBed.FlowBody(pipeline.SourceId, pipeline.TargetId, pipeline.MappingId);
            flow["name"] = JsonNode.Parse(name);
            Assert.Contains(expected, (await bed.Post(FlowServiceTestBed.Flow + "/flows", flow)).AssertFlowError(HttpStatusCode.BadRequest, "1470-400"));
            var target = FlowServiceTestBed.TargetConnectionBody(pipeline.SchemaId, pipeline.DataSetId);
            target["name"] = JsonNode.Parse(name);
            Assert.Contains(expected, (await bed.Post(FlowServiceTestBed.Flow + "/targetConnections", target)).AssertFlowError(HttpStatusCode.BadRequest, "1470-400"));
            var flowPath = FlowServiceTestBed.Flow + "/flows/" + await bed.CreateFlow(pipeline);
            var etag = (string)(await bed.GetItem(flowPath))["etag"]!;
            var renamed = await bed.Patch(flowPath, JsonNode.Parse(@"[{""op"":""replace"",""path"":""/name"",""value"":" + name + "}]")!, etag);
            Assert.Contains(expected, renamed.AssertFlowError(HttpStatusCode.BadRequest, "1470-400"));
        }

        [Fact]
        public async Task A_name_longer_than_256_characters_is_refused()
        {
            using var bed = new FlowServiceTestBed();
            var answer = await bed.Post(FlowServiceTestBed.Flow + "/connections", FlowServiceTestBed.ShopifyConnectionBody(new string('n', 257)));
            Assert.Contains("at most 256 characters, not 257", answer.AssertFlowError(HttpStatusCode.BadRequest, "1470-400"));
        }

        [Theory]
        [InlineData(@"{ ""startTime"": -2208988800, ""frequency"": ""once"" }", "startTime -2208988800 is outside 2000-01-01 to 2099-12-31")]
        [InlineData(@"{ ""startTime"": 253370764800, ""frequency"": ""once"" }", "startTime 253370764800 is outside")]
        [InlineData(@"{ ""startTime"": 1604961070, ""frequency"": ""minute"", ""interval"": 2147483647 }", "interval 2147483647 is more than a year of minutes (at most 525600)")]
        [InlineData(@"{ ""startTime"": 1604961070, ""frequency"": ""week"", ""interval"": 54 }", "interval 54 is more than a year of weeks (at most 53)")]
        public async Task A_schedule_out_of_range_is_refused_at_creation(string schedule, string expected)
        {
            using var bed = new FlowServiceTestBed();
            var pipeline = await bed.CreatePipeline();
            var answer = await bed.Post(FlowServiceTestBed.Flow + "/flows", FlowServiceTestBed.FlowBody(pipeline.SourceId, pipeline.TargetId, pipeline.MappingId, schedule));
            Assert.Contains(expected, answer.AssertFlowError(HttpStatusCode.BadRequest, "1474-400"));
            Assert.Equal(0, bed.Engine.Sandbox("prod")!.Collection(PlatformFlow.Emulator.FlowService.ResourceKind.Flow.Collection).Count);
        }

        [Theory]
        [InlineData(@"{ ""name"": ""Email"", ""type"": ""notatype"" }", "params.columns[0].type: 'notatype' is not a column type")]
        [InlineData(@"{ ""name"": ""Nosuch"", ""type"": ""string"" }", "params.columns[0].name 'Nosuch' is not a column of table Shopify.Orders")]
        public async Task A_source_column_the_table_cannot_give_is_refused(string column, string expected)
        {
            using var bed = new FlowServiceTestBed();
            var baseId = await bed.Create(FlowServiceTestBed.Flow + "/connections", FlowServiceTestBed.ShopifyConnectionBody());
            var body = FlowServiceTestBed.SourceConnectionBody(baseId);
            body["params"]!["columns"] = new JsonArray(JsonNode.Parse(column));
            Assert.Contains(expected, (await bed.Post(FlowServiceTestBed.Flow + "/sourceConnections", body)).AssertFlowError(HttpStatusCode.BadRequest, "1470-400"));
        }

        [Fact]
        public async Task An_auth_error_never_quotes_a_password_format_value()
        {
            using var bed = new FlowServiceTestBed();
            var body = FlowServiceTestBed.ShopifyConnectionBody();
            body["auth"]!["params"]!["accessToken"] = new JsonArray("shpat-never-quoted");
            var message = (await bed.Post(FlowServiceTestBed.Flow + "/connections", body)).AssertFlowError(HttpStatusCode.BadRequest, "1476-400");
            Assert.Contains("the secret value (array, not shown)", message);
            Assert.DoesNotContain("shpat-never-quoted", message);
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
