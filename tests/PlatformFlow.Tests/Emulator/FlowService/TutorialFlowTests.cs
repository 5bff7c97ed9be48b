using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;
using static PlatformFlow.Tests.Emulator.FlowService.FlowServiceTestBed;

namespace PlatformFlow.Tests.Emulator.FlowService
{
    /// <summary>The Korean tutorial, step by step, against the emulator's Flow Service.</summary>
    public sealed class TutorialFlowTests
    {
        [Fact]
        public async Task Creates_answer_201_with_id_and_quoted_etag_also_in_the_ETag_header()
        {
            using var bed = new FlowServiceTestBed();
            var answer = await bed.Post(Flow + "/connections", ShopifyConnectionBody());

            Assert.Equal(HttpStatusCode.Created, answer.Status);
            var etag = (string)answer.Body!["etag"]!;
            Assert.Matches("^\"[0-9a-f]{8}-0000-0200-0000-[0-9a-f]{8}0000\"$", etag);
            Assert.Equal(etag, answer.ETagHeader);
            Assert.Equal(2, answer.Body.AsObject().Count);
        }

        [Fact]
        public async Task A_base_connection_reads_back_with_metadata_and_its_secret_masked()
        {
            using var bed = new FlowServiceTestBed();
            var id = await bed.Create(Flow + "/connections", ShopifyConnectionBody());

            var connection = await bed.GetItem(Flow + "/connections/" + id);

            Assert.Equal(id, (string)connection["id"]!);
            Assert.Equal("enabled", (string)connection["state"]!);
            Assert.Equal(bed.Clock.GetUtcNow().ToUnixTimeMilliseconds(), (long)connection["createdAt"]!);
            Assert.Equal("test-client@AdobeID", (string)connection["createdBy"]!);
            Assert.Equal("acme.myshopify.com", (string)connection["auth"]!["params"]!["host"]!);
            Assert.Equal("********", (string)connection["auth"]!["params"]!["accessToken"]!);
            Assert.DoesNotContain("shpat_secret", connection.ToJsonString());
        }

        [Fact]
        public async Task Exploring_lists_the_Shopify_tables_and_previews_orders_with_the_mapped_columns()
        {
            using var bed = new FlowServiceTestBed();
            var id = await bed.Create(Flow + "/connections", ShopifyConnectionBody());

            var root = (await bed.Get(Flow + "/connections/" + id + "/explore?objectType=root")).Body!.AsArray();
            var table = (await bed.Get(Flow + "/connections/" + id + "/explore?objectType=table&object=Shopify.Orders&preview=true")).Body!;
            var withoutPreview = (await bed.Get(Flow + "/connections/" + id + "/explore?objectType=table&object=Shopify.Orders")).Body!;

            Assert.Equal(new[] { "Shopify.Orders", "Shopify.Customers", "Shopify.Products" }, root.Select(t => (string)t!["path"]!));
            Assert.All(root, t => Assert.Equal("table", (string)t!["type"]!));
            var columns = table["schema"]!["columns"]!.AsArray().Select(c => (string)c!["name"]!).ToList();
            Assert.Contains("Email", columns);
            Assert.Contains("Phone", columns);
            Assert.Contains("Shipping_Address_Phone", columns);
            Assert.NotEmpty(table["data"]!.AsArray());
            Assert.Null(withoutPreview["data"]);
        }

        [Fact]
        public async Task Exploring_a_table_the_source_lacks_is_404()
        {
            using var bed = new FlowServiceTestBed();
            var id = await bed.Create(Flow + "/connections", ShopifyConnectionBody());

            var answer = await bed.Get(Flow + "/connections/" + id + "/explore?objectType=table&object=Shopify.Nope");

            Assert.Contains("Shopify.Nope", answer.AssertFlowError(HttpStatusCode.NotFound, "1478-404"));
        }

        [Fact]
        public async Task The_flow_spec_query_returns_the_Korean_editions_spec_verbatim()
        {
            using var bed = new FlowServiceTestBed();
            var expected = TutorialJson("ecommerce-dataflow-tutorial.ko.md", "\"CRMToAEP\"");

            var answer = await bed.Get(Flow + "/flowSpecs?property=name==\"CRMToAEP\"");

            var items = answer.Body!["items"]!.AsArray();
            Assert.Single(items);
            Assert.True(JsonNode.DeepEquals(expected, items[0]), items[0]!.ToJsonString());
        }

        [Fact]
        public async Task Connection_specs_filter_by_name()
        {
            using var bed = new FlowServiceTestBed();

            var items = (await bed.Get(Flow + "/connectionSpecs?property=name==shopify")).Body!["items"]!.AsArray();

            var shopify = Assert.Single(items)!;
            Assert.Equal(ShopifySpecId, (string)shopify["id"]!);
            var auth = shopify["authSpec"]![0]!["spec"]!;
            Assert.Equal(new[] { "host", "accessToken" }, auth["required"]!.AsArray().Select(r => (string)r!));
            Assert.Equal("password", (string)auth["properties"]!["accessToken"]!["format"]!);
        }

        [Fact]
        public async Task The_tutorial_flow_is_created_and_stores_its_start_time_as_an_integer()
        {
            using var bed = new FlowServiceTestBed();
            var pipeline = await bed.CreatePipeline();

            var flowId = await bed.CreateFlow(pipeline);
            var flow = await bed.GetItem(Flow + "/flows/" + flowId);

            Assert.Equal(1604961070L, flow["scheduleParams"]!["startTime"]!.GetValue<long>());
            Assert.Equal("enabled", (string)flow["state"]!);
            Assert.Equal("/runs?property=flowId==" + flowId, (string)flow["runs"]!);
            Assert.Equal(ShopifySpecId, (string)flow["inheritedAttributes"]!["sourceConnections"]![0]!["connectionSpec"]!["id"]!);
            Assert.Equal(0, flow["transformations"]![0]!["params"]!["mappingVersion"]!.GetValue<int>());
        }

        [Fact]
        public async Task Unknown_fields_sent_by_a_client_are_kept()
        {
            using var bed = new FlowServiceTestBed();
            var body = ShopifyConnectionBody();
            body["x-team-note"] = new JsonObject { ["owner"] = "onboarding" };
            var id = await bed.Create(Flow + "/connections", body);

            var connection = await bed.GetItem(Flow + "/connections/" + id);

            Assert.Equal("onboarding", (string)connection["x-team-note"]!["owner"]!);
        }

        [Fact]
        public async Task Resources_live_in_their_own_sandbox()
        {
            using var bed = new FlowServiceTestBed();
            var id = await bed.Create(Flow + "/connections", ShopifyConnectionBody());
            using var dev = NewClient(bed.Engine, "dev");

            var answer = await dev.GetAsync(Flow + "/connections/" + id);

            Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        }

        private static JsonNode TutorialJson(string file, string marker)
        {
            var text = System.IO.File.ReadAllText(ContractFiles.PathOf("seeds", file));
            var blocks = System.Text.RegularExpressions.Regex.Matches(text, "```json\n(.*?)```", System.Text.RegularExpressions.RegexOptions.Singleline);
            return JsonNode.Parse(blocks.Cast<System.Text.RegularExpressions.Match>().Select(m => m.Groups[1].Value).Single(b => b.Contains(marker)))!;
        }
    }
}
