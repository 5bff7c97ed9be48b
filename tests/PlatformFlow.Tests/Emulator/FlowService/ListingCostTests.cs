using System;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using PlatformFlow.Emulator.Engine;
using PlatformFlow.Emulator.FlowService;
using Xunit;

namespace PlatformFlow.Tests.Emulator.FlowService
{
    /// <summary>
    /// What a page of <c>GET /flows</c> costs, counted as stored entries read (work, not time): a page in creation order
    /// starts at its cursor and reads one page and one more, whether the sandbox holds 1,000 flows or 100,000.
    /// </summary>
    public sealed class ListingCostTests
    {
        private const int PageSize = 100;

        [Theory]
        [InlineData(1_000)]
        [InlineData(100_000)]
        public async Task A_page_reads_as_many_entries_with_100000_flows_as_with_1000(int flows)
        {
            using var bed = new FlowServiceTestBed();
            var stored = bed.Engine.Sandbox("prod")!.Collection(ResourceKind.Flow.Collection);
            for (var i = 0; i < flows; i++)
            {
                var id = "flow-" + i.ToString("d6", System.Globalization.CultureInfo.InvariantCulture);
                stored.Add(id, new JsonObject { ["id"] = id, ["name"] = "Flow " + i, ["etag"] = "\"1\"" });
            }

            var first = await ReadPage(bed, stored, FlowServiceTestBed.Flow + "/flows?limit=" + PageSize);
            Assert.Equal(PageSize + 1, first.EntriesRead);
            Assert.Equal("flow-000000", (string)first.Body["items"]![0]!["id"]!);

            // Deep in the list: the page after the first 500.
            var deepLink = (string)(await ReadPage(bed, stored, FlowServiceTestBed.Flow + "/flows?limit=500")).Body["_links"]!["next"]!["href"]!;
            var deep = await ReadPage(bed, stored, FlowServiceTestBed.Flow + deepLink.Replace("limit=500", "limit=" + PageSize));
            Assert.Equal(PageSize + 1, deep.EntriesRead);
            Assert.Equal("flow-000500", (string)deep.Body["items"]![0]!["id"]!);
        }

        private static async Task<(JsonNode Body, long EntriesRead)> ReadPage(FlowServiceTestBed bed, ResourceCollection stored, string path)
        {
            var before = stored.EntriesEnumerated;
            var answer = await bed.Get(path);
            Assert.True(answer.Status == HttpStatusCode.OK, path + ": " + answer.Body?.ToJsonString());
            return (answer.Body!, stored.EntriesEnumerated - before);
        }
    }
}
