using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using PlatformFlow.Client.Api;
using PlatformFlow.Client.Inputs;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Operations;
using PlatformFlow.Tests.Support;
using Xunit;

namespace PlatformFlow.Tests.Cmdlets.Lifecycle
{
    /// <summary>1,000 flows, put through the client, listed in pages of 50.</summary>
    public sealed class PagingTests : IClassFixture<PagingTests.ThousandFlows>
    {
        private const int FlowCount = 1000;
        private readonly ThousandFlows _flows;

        public PagingTests(ThousandFlows flows)
        {
            _flows = flows;
        }

        private LifecycleWorld World => _flows.World;

        private async Task<(RecordingHost Host, int PageRequests)> ListAsync(ResourceQuery query)
        {
            World.Engine.Journal.Clear();
            var host = new RecordingHost();
            await new GetDataflowOperation(World.Client).RunAsync(query, host);
            Assert.Empty(host.Errors.Select(e => e.Message));
            return (host, World.Requests("GET", "/flows").Count);
        }

        [Fact]
        public async Task Every_flow_comes_exactly_once_in_pages_of_50()
        {
            var (host, pages) = await ListAsync(new ResourceQuery { PageSize = 50 });

            var ids = host.Objects.Select(o => ((Dataflow)o.Value).Id).ToList();
            Assert.Equal(FlowCount, ids.Count);
            Assert.Equal(FlowCount, ids.Distinct().Count());
            Assert.Equal(_flows.Ids.OrderBy(i => i), ids.OrderBy(i => i));
            Assert.Equal(FlowCount / 50, pages);
        }

        [Fact]
        public async Task First_120_after_skipping_30_fetches_only_the_three_pages_it_needs()
        {
            // The expected ids come from the emulator's store (creation order, the platform's default), not from a listing.
            var stored = World.Engine.Sandbox("prod")!.Collection("flows").Entries.Select(e => e.Key).ToList();

            var (host, pages) = await ListAsync(new ResourceQuery { PageSize = 50, Skip = 30, First = 120 });

            Assert.Equal(stored.Skip(30).Take(120), host.Objects.Select(o => ((Dataflow)o.Value).Id));
            Assert.Equal(3, pages);
        }

        [Fact]
        public async Task First_stops_paging_even_when_a_name_is_matched_here()
        {
            var (host, pages) = await ListAsync(new ResourceQuery { PageSize = 50, Name = "Bulk 0*", NameMatches = n => n.StartsWith("Bulk 0", StringComparison.OrdinalIgnoreCase), First = 5 });

            Assert.Equal(5, host.Objects.Count);
            Assert.All(host.Objects, o => Assert.StartsWith("Bulk 0", ((Dataflow)o.Value).Name));
            Assert.Equal(1, pages);
        }

        [Fact]
        public async Task A_full_listing_waits_for_the_consumer_after_every_200_objects()
        {
            var (host, _) = await ListAsync(new ResourceQuery { PageSize = 100 });

            Assert.Equal(FlowCount, host.Objects.Count);
            Assert.Equal(5, host.WrittenWaits);
        }

        [Fact]
        public async Task A_long_listing_shows_its_count_every_50_objects_and_completes_with_the_total()
        {
            var (host, _) = await ListAsync(new ResourceQuery { PageSize = 50, First = 120 });

            Assert.Equal(
                new[] { (31, "Reading Dataflow objects", "50 read", false), (31, "Reading Dataflow objects", "100 read", false), (31, "Reading Dataflow objects", "120 read", true) },
                host.Progress.Select(p => (p.ActivityId, p.Activity, p.Status, p.Completed)));
        }

        [Fact]
        public async Task A_listing_of_exactly_50_shows_its_count_once_and_one_of_49_shows_none()
        {
            var (fifty, _) = await ListAsync(new ResourceQuery { PageSize = 50, First = 50 });
            var (fortyNine, _) = await ListAsync(new ResourceQuery { PageSize = 50, First = 49 });

            Assert.Equal(new[] { ("50 read", false), ("50 read", true) }, fifty.Progress.Select(p => (p.Status, p.Completed)));
            Assert.Equal(49, fortyNine.Objects.Count);
            Assert.Empty(fortyNine.Progress);
        }

        [Fact]
        public async Task IncludeTotalCount_of_a_wildcard_name_is_an_estimate_and_First_0_reads_no_page()
        {
            var (host, requests) = await ListAsync(new ResourceQuery { Name = "Bulk 00*", NameMatches = n => n.StartsWith("Bulk 00", StringComparison.Ordinal), First = 0, TotalCount = (count, accuracy) => "total " + count + " at " + accuracy });

            Assert.Equal(new object[] { "total 100 at 0.5" }, host.Objects.Select(o => o.Value));
            Assert.Equal(1, requests);
        }

        [Fact]
        public async Task A_name_narrows_the_listing_on_the_server_to_the_one_page_that_holds_it()
        {
            var (host, pages) = await ListAsync(new ResourceQuery { PageSize = 50, Name = "Bulk 0998", NameMatches = n => n == "Bulk 0998", NameIsLiteral = true });

            Assert.Equal("Bulk 0998", host.Single<Dataflow>().Name);
            Assert.Equal(1, pages);
        }

        [Fact]
        public async Task Count_asks_the_platform_for_the_number_alone()
        {
            World.Engine.Journal.Clear();
            var host = new RecordingHost();
            var operation = new GetDataflowOperation(World.Client);
            await operation.CountOnlyAsync(new ResourceQuery(), host);
            await operation.CountOnlyAsync(new ResourceQuery { Filters = new[] { "name~Bulk 00" } }, host);

            Assert.Equal(new object[] { (long)FlowCount, 100L }, host.Objects.Select(o => o.Value));
            Assert.Equal(2, World.Requests("GET", "/flows").Count);
        }

        [Fact]
        public async Task IncludeTotalCount_writes_the_platforms_count_before_the_page()
        {
            var (host, _) = await ListAsync(new ResourceQuery { PageSize = 50, First = 2, TotalCount = (count, accuracy) => "total " + count + " at " + accuracy });

            Assert.Equal("total " + FlowCount + " at 1", host.Objects[0].Value);
            Assert.Equal(3, host.Objects.Count);
        }

        /// <summary>The pipeline's flow, then 999 copies of it made through the client (in process, in parallel).</summary>
        public sealed class ThousandFlows : IAsyncLifetime
        {
            public LifecycleWorld World { get; } = new LifecycleWorld();

            public List<string> Ids { get; } = new List<string>();

            public async Task InitializeAsync()
            {
                var first = await World.NewFlowAsync("Template");
                var copies = await Task.WhenAll(Enumerable.Range(0, FlowCount - 1).Select(i => World.CopyFlowAsync(first, "Bulk " + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture))));
                Ids.Add(first.Id);
                Ids.AddRange(copies.Select(c => c.Id));
            }

            public Task DisposeAsync()
            {
                World.Dispose();
                return Task.CompletedTask;
            }
        }
    }
}
