using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;
using static PlatformFlow.Tests.Emulator.FlowService.FlowServiceTestBed;

namespace PlatformFlow.Tests.Emulator.FlowService
{
    /// <summary>Paging, sorting, filtering and counting on the Flow Service lists.</summary>
    public sealed class ListQueryTests
    {
        [Fact]
        public async Task Paging_a_thousand_flows_fifty_at_a_time_returns_each_once_even_while_flows_are_added()
        {
            using var bed = new FlowServiceTestBed();
            var pipeline = await bed.CreatePipeline();
            var created = new List<string>();
            for (var i = 0; i < 1000; i++)
            {
                created.Add(await bed.CreateFlow(pipeline, name: "flow " + i.ToString("0000")));
            }

            var seen = new List<string>();
            string? next = Flow + "/flows?limit=50";
            var pages = 0;
            while (next != null)
            {
                var page = (await bed.Get(next)).Body!;
                var items = page["items"]!.AsArray();
                Assert.True(items.Count <= 50);
                seen.AddRange(items.Select(f => (string)f!["id"]!));
                next = (string?)page["_links"]!["next"]?["href"];
                Assert.True(next is null || next.StartsWith("/flows?"), next);
                next = next is null ? null : Flow + next;
                if (++pages == 3)
                {
                    await bed.CreateFlow(pipeline, name: "added while paging");
                }
            }

            Assert.Equal(seen.Count, seen.Distinct().Count());
            Assert.Equal(created, seen.Take(1000));
            Assert.Equal(1001, seen.Count);
        }

        [Fact]
        public async Task The_last_page_has_no_next_link()
        {
            using var bed = new FlowServiceTestBed();
            await bed.Create(Flow + "/connections", ShopifyConnectionBody());

            var page = (await bed.Get(Flow + "/connections?limit=5")).Body!;

            Assert.Single(page["items"]!.AsArray());
            Assert.Null(page["_links"]!["next"]);
        }

        [Fact]
        public async Task Orderby_sorts_ascending_and_descending_and_pages_in_that_order()
        {
            using var bed = new FlowServiceTestBed();
            foreach (var name in new[] { "b", "d", "a", "c", "e" })
            {
                await bed.Create(Flow + "/connections", ShopifyConnectionBody(name));
            }

            Assert.Equal(new[] { "a", "b", "c", "d", "e" }, await Names(bed, Flow + "/connections?orderby=%2Bname&limit=2"));
            Assert.Equal(new[] { "a", "b", "c", "d", "e" }, await Names(bed, Flow + "/connections?orderby=name&limit=2"));
            Assert.Equal(new[] { "e", "d", "c", "b", "a" }, await Names(bed, Flow + "/connections?orderby=-name&limit=2"));
        }

        [Fact]
        public async Task Orderby_on_a_nested_number_sorts_numerically()
        {
            using var bed = new FlowServiceTestBed();
            var pipeline = await bed.CreatePipeline();
            foreach (var start in new[] { 900, 80, 7000 })
            {
                await bed.CreateFlow(pipeline, @"{ ""startTime"": " + (bed.NowSeconds + start) + @", ""frequency"": ""once"" }", "start " + start);
            }

            Assert.Equal(new[] { "start 80", "start 900", "start 7000" }, await Names(bed, Flow + "/flows?orderby=%2BscheduleParams.startTime"));
        }

        [Theory]
        [InlineData("name==b", new[] { "b" })]
        [InlineData("name==\"b\"", new[] { "b" })]
        [InlineData("name==a,c", new[] { "a", "c" })]
        [InlineData("name!=a,c", new[] { "b", "d" })]
        [InlineData("description~ALPHA", new[] { "a", "c" })]
        [InlineData("auth.params.port>20", new[] { "c", "d" })]
        [InlineData("auth.params.port>=20", new[] { "b", "c", "d" })]
        [InlineData("auth.params.port<20", new[] { "a" })]
        [InlineData("auth.params.port<=20", new[] { "a", "b" })]
        [InlineData("auth.params.port>9", new[] { "a", "b", "c", "d" })]
        [InlineData("connectionSpec.id==" + ShopifySpecId, new[] { "a", "b", "c", "d" })]
        [InlineData("tags[]==red", new[] { "a", "d" })]
        public async Task Property_filters_apply_each_operator(string filter, string[] expected)
        {
            using var bed = new FlowServiceTestBed();
            await FourConnections(bed);

            Assert.Equal(expected, await Names(bed, Flow + "/connections?property=" + System.Uri.EscapeDataString(filter)));
        }

        [Fact]
        public async Task Repeated_property_filters_must_all_hold()
        {
            using var bed = new FlowServiceTestBed();
            await FourConnections(bed);

            Assert.Equal(new[] { "c" }, await Names(bed, Flow + "/connections?property=description~alpha&property=auth.params.port>15"));
        }

        [Fact]
        public async Task Filters_reach_nested_flow_fields_and_inherited_attributes()
        {
            using var bed = new FlowServiceTestBed();
            var pipeline = await bed.CreatePipeline();
            await bed.CreateFlow(pipeline, name: "once");
            await bed.CreateFlow(pipeline, @"{ ""startTime"": 1604961070, ""frequency"": ""hour"", ""interval"": 1 }", "hourly");

            Assert.Equal(new[] { "once" }, await Names(bed, Flow + "/flows?property=scheduleParams.frequency==once"));
            Assert.Equal(new[] { "once", "hourly" }, await Names(bed, Flow + "/flows?property=inheritedAttributes.sourceConnections[].connectionSpec.id==" + ShopifySpecId));
            Assert.Equal(new[] { "once", "hourly" }, await Names(bed, Flow + "/flows?property=sourceConnectionIds[]==" + pipeline.SourceId));
        }

        [Fact]
        public async Task Count_true_answers_the_count_only()
        {
            using var bed = new FlowServiceTestBed();
            await FourConnections(bed);

            var answer = (await bed.Get(Flow + "/connections?property=description~alpha&count=true")).Body!.AsObject();

            Assert.Equal(2, (int)answer["count"]!);
            Assert.Single(answer);
        }

        [Theory]
        [InlineData("count=true&limit=5", "1401-400")]
        [InlineData("limit=0", "1451-400")]
        [InlineData("start=10", "1451-400")]
        [InlineData("continuationToken=not-ours", "1451-400")]
        [InlineData("property=name%3Da", "1450-400")]
        [InlineData("property=name%3D%3D", "1453-400")]
        [InlineData("property=port%3E1,2", "1443-400")]
        [InlineData("property=na%20me%3D%3Da", "1449-400")]
        [InlineData("orderby=*name", "1432-400")]
        [InlineData("orderby=name,id", "1433-400")]
        public async Task Malformed_list_queries_are_400(string query, string code)
        {
            using var bed = new FlowServiceTestBed();

            (await bed.Get(Flow + "/connections?" + query)).AssertFlowError(HttpStatusCode.BadRequest, code);
        }

        private static async Task FourConnections(FlowServiceTestBed bed)
        {
            var rows = new[] { ("a", 10, "alpha one", "red"), ("b", 20, "beta", "blue"), ("c", 30, "Alpha two", "green"), ("d", 40, "delta", "red") };
            foreach (var (name, port, description, tag) in rows)
            {
                var body = ShopifyConnectionBody(name);
                body["description"] = description;
                body["auth"]!["params"]!["port"] = port;
                body["tags"] = new JsonArray(tag, "any");
                await bed.Create(Flow + "/connections", body);
            }
        }

        private static async Task<string[]> Names(FlowServiceTestBed bed, string first)
        {
            var names = new List<string>();
            string? next = first;
            while (next != null)
            {
                var page = (await bed.Get(next)).Body!;
                Assert.NotNull(page["items"]);
                names.AddRange(page["items"]!.AsArray().Select(i => (string)i!["name"]!));
                next = (string?)page["_links"]!["next"]?["href"];
                next = next is null ? null : Flow + next;
            }

            return names.ToArray();
        }
    }
}
