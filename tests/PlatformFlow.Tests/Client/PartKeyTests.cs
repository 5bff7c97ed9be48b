using System.Linq;
using System.Threading.Tasks;
using PlatformFlow.Client.Api;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Parts;
using PlatformFlow.Tests.Support;
using Xunit;

namespace PlatformFlow.Tests.Client
{
    /// <summary>The one rule of names is the platform's: its <c>name==</c> filter matches names without regard to case.</summary>
    public sealed class PartKeyTests
    {
        [Fact]
        public async Task The_platforms_name_filter_and_the_part_key_take_names_in_any_case_as_one()
        {
            using var platform = new TestPlatform();
            var made = await TestPlatform.CreateShopifyConnectionAsync(platform.Client, "Shop A");

            var filtered = await platform.Client.FlowService.BaseConnections.ListAsync(ListQuery.Where("name==" + ListQuery.Quote("shop a"))).ToListAsync();

            Assert.Equal(made.Id, Assert.Single(filtered).Id);
            Assert.True(PartKey.Same("Shop A", "SHOP A"));
            Assert.True(PartKey.Same(null, string.Empty));
            Assert.False(PartKey.Same("Shop A", "Shop B"));
        }

        [Fact]
        public async Task A_fresh_lookup_and_the_name_index_find_a_part_by_its_name_in_any_case()
        {
            using var platform = new TestPlatform();
            var sources = platform.Client.FlowService.SourceConnections;
            var shop = await TestPlatform.CreateShopifyConnectionAsync(platform.Client, "Shop");
            var created = await sources.CreateAndBuildAsync(
                SourceConnectionPart.Request("Shop A source", null, shop.Id, "tabular", "Shopify.Orders", null, new[] { new SourceColumn("Email", "string") }, WellKnown.ShopifyConnectionSpecId),
                written => new SourceConnection { Id = written.Id, Name = "Shop A source" });

            Assert.Equal(created.Id, Assert.Single(await sources.Names.FindAsync("SHOP A SOURCE", default)).Id);
            Assert.Equal(created.Id, Assert.Single(await sources.FindByNameFreshAsync("shop a source")).Id);
        }
    }
}
