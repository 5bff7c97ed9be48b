using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using PlatformFlow.Client.Api;
using PlatformFlow.Client.Caching;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Parts;
using PlatformFlow.JsonSchema;
using PlatformFlow.Tests.Support;
using Xunit;

namespace PlatformFlow.Tests.Client
{
    /// <summary>
    /// Parts found by name cost requests in proportion to the names asked, several names to a request (the platform's
    /// <c>name==a,b,c</c>), never a listing of the sandbox; names keep the one rule of <see cref="PartKey"/>.
    /// </summary>
    public sealed class NameIndexTests
    {
        private readonly ManualTimeProvider _clock = new ManualTimeProvider();

        [Fact]
        public async Task Names_asked_while_a_request_is_out_go_together_in_the_next_one()
        {
            var stored = Enumerable.Range(1, 30).Select(i => "Shop " + i).ToList();
            var platform = new FilteringPlatform(stored, holdFirstRequest: true);
            var index = platform.Index(_clock);

            var first = index.FindAsync("Shop 1", CancellationToken.None);
            await platform.FirstRequestSent;
            var others = Enumerable.Range(2, 29).Select(i => index.FindAsync("Shop " + i, CancellationToken.None)).ToList();
            platform.ReleaseFirstRequest();
            await Task.WhenAll(others.Append(first));

            Assert.Equal(new[] { 1, 29 }, platform.Filters.Select(f => PropertyFilterExpression.Parse(f).Values.Count));
            Assert.All(Enumerable.Range(1, 30), i => Assert.Equal("Shop " + i, Assert.Single((i == 1 ? first : others[i - 2]).Result)));
            Assert.Equal(1, platform.Counts);
        }

        [Fact]
        public async Task A_lookup_goes_on_while_one_caller_waits_and_stops_when_every_caller_has_cancelled()
        {
            var platform = new FilteringPlatform(new[] { "Shop A" }, holdFirstRequest: true);
            var index = platform.Index(_clock);
            using var first = new CancellationTokenSource();
            using var second = new CancellationTokenSource();

            var cancelled = index.FindAsync("Shop A", first.Token);
            await platform.FirstRequestSent;
            var waiting = index.FindAsync("shop a", second.Token);
            first.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
            Assert.False(platform.RequestCancelled);
            platform.ReleaseFirstRequest();
            Assert.Equal(new[] { "Shop A" }, await waiting);
            Assert.Single(platform.Filters);

            var alone = new FilteringPlatform(new[] { "Shop A" }, holdFirstRequest: true);
            using var only = new CancellationTokenSource();
            var stopped = alone.Index(_clock).FindAsync("Shop A", only.Token);
            await alone.FirstRequestSent;
            only.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stopped);
            await alone.RequestEnded;
            Assert.True(alone.RequestCancelled);
        }

        [Fact]
        public async Task A_name_is_found_in_any_case_and_a_name_the_platform_lacks_is_found_empty()
        {
            var platform = new FilteringPlatform(new[] { "Shop A", "Shop B" });
            var index = platform.Index(_clock);

            var found = await Task.WhenAll(index.FindAsync("SHOP A", CancellationToken.None), index.FindAsync("shop b", CancellationToken.None), index.FindAsync("Shop C", CancellationToken.None));

            Assert.Equal(new[] { "Shop A" }, found[0]);
            Assert.Equal(new[] { "Shop B" }, found[1]);
            Assert.Empty(found[2]);
            Assert.Equal(found.Length, platform.Filters.Sum(f => PropertyFilterExpression.Parse(f).Values.Count));
        }

        [Fact]
        public async Task A_name_asked_again_costs_nothing_until_the_answers_expire()
        {
            var platform = new FilteringPlatform(new[] { "Shop A" });
            var index = platform.Index(_clock);

            await index.FindAsync("Shop A", CancellationToken.None);
            await index.FindAsync("shop a", CancellationToken.None);
            Assert.Single(platform.Filters);

            _clock.Advance(TimeSpan.FromMinutes(2));
            await index.FindAsync("Shop A", CancellationToken.None);
            Assert.Equal(2, platform.Filters.Count);
            Assert.Equal(2, platform.Counts);
        }

        [Fact]
        public async Task A_collection_counted_empty_is_asked_no_name_and_this_modules_writes_are_found()
        {
            var platform = new FilteringPlatform(Array.Empty<string>());
            var index = platform.Index(_clock);

            Assert.Empty(await index.FindAsync("Shop A", CancellationToken.None));
            index.Remember("Shop A");
            Assert.Equal(new[] { "Shop A" }, await index.FindAsync("SHOP A", CancellationToken.None));

            Assert.Empty(platform.Filters);
            Assert.Equal(1, platform.Counts);
        }

        [Fact]
        public async Task Names_longer_than_a_URL_carries_are_asked_in_several_requests_each_within_the_limit()
        {
            var names = Enumerable.Range(1, 60).Select(i => "Shop " + i.ToString("D3") + " " + new string('x', 80)).ToList();
            var platform = new FilteringPlatform(names);
            var index = platform.Index(_clock);

            await index.PrefetchAsync(names, CancellationToken.None);
            var found = await Task.WhenAll(names.Select(n => index.FindAsync(n, CancellationToken.None)));

            Assert.True(platform.Filters.Count > 1, "asked in " + platform.Filters.Count + " request(s)");
            Assert.All(platform.Filters, f => Assert.True(Uri.EscapeDataString(f).Length <= NameFilter.MaxEscapedLength, f.Length + " characters"));
            Assert.Equal(names.OrderBy(n => n), platform.Filters.SelectMany(f => PropertyFilterExpression.Parse(f).Values).OrderBy(n => n));
            Assert.Equal(names, found.Select(f => Assert.Single(f)));
        }

        [Fact]
        public void A_name_too_long_for_one_request_on_its_own_is_asked_alone_and_quoted_names_keep_their_commas()
        {
            var longName = new string('y', NameFilter.MaxEscapedLength + 10);
            var chunks = NameFilter.Chunks("name", new[] { "a", longName, "b, c", "d" });

            Assert.Equal(new[] { new[] { "a" }, new[] { longName }, new[] { "b, c", "d" } }, chunks.Select(c => c.ToArray()));
            Assert.Equal(new[] { "b, c", "d" }, PropertyFilterExpression.Parse(NameFilter.Of("name", chunks[2])).Values);
        }

        [Fact]
        public async Task Through_the_emulator_concurrent_lookups_share_requests_find_names_in_any_case_and_list_nothing_whole()
        {
            var wire = new WireAnswers();
            using var platform = new TestPlatform();
            using var client = TestPlatform.NewClient(platform.Engine, wrap: wire.Around);
            var sources = client.FlowService.SourceConnections;
            var shop = await TestPlatform.CreateShopifyConnectionAsync(client, "Shop");
            var names = Enumerable.Range(1, 20).Select(i => "Shop " + i + (i % 5 == 0 ? ", outlet" : string.Empty) + " source").ToList();
            foreach (var name in names)
            {
                await sources.CreateAsync(SourceConnectionPart.Request(name, null, shop.Id, "tabular", "Shopify.Orders", null, new[] { new SourceColumn("Email", "string") }, WellKnown.ShopifyConnectionSpecId));
            }

            using var again = TestPlatform.NewClient(platform.Engine, wrap: wire.Around);
            var before = wire.Requests.Count;
            var found = await Task.WhenAll(names.Select(n => again.FlowService.SourceConnections.Names.FindAsync(n.ToUpperInvariant(), CancellationToken.None)));

            Assert.Equal(names, found.Select(f => Assert.Single(f).Name));
            var lookups = wire.Requests.Skip(before).Where(r => r.Contains("/sourceConnections", StringComparison.Ordinal)).ToList();
            Assert.Contains(lookups, r => r.EndsWith("count=true", StringComparison.Ordinal));
            var filtered = lookups.Where(r => r.Contains("property=name==", StringComparison.Ordinal)).ToList();
            Assert.Equal(lookups.Count - 1, filtered.Count);
            Assert.True(filtered.Count < names.Count / 2, filtered.Count + " lookups for " + names.Count + " names");
        }

        /// <summary>A collection of names behind the two calls the index makes: a count and a name filter, each recorded.</summary>
        private sealed class FilteringPlatform
        {
            private readonly IReadOnlyList<string> _stored;
            private readonly TaskCompletionSource<bool> _firstSent = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            private readonly TaskCompletionSource<bool> _firstReleased = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            private readonly ConcurrentQueue<string> _filters = new ConcurrentQueue<string>();
            private readonly TaskCompletionSource<bool> _requestEnded = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            private int _counts;

            public FilteringPlatform(IReadOnlyList<string> stored, bool holdFirstRequest = false)
            {
                _stored = stored;
                if (!holdFirstRequest)
                {
                    _firstReleased.SetResult(true);
                }
            }

            public IReadOnlyList<string> Filters => _filters.ToList();

            public int Counts => _counts;

            public Task FirstRequestSent => _firstSent.Task;

            /// <summary>Ends when the held request ended, answered or cancelled.</summary>
            public Task RequestEnded => _requestEnded.Task;

            /// <summary>True when a request's token was cancelled while it was held.</summary>
            public bool RequestCancelled { get; private set; }

            public void ReleaseFirstRequest() => _firstReleased.SetResult(true);

            public NameIndex<string> Index(TimeProvider clock) =>
                new NameIndex<string>(ListFiltered, Count, p => p, p => p, new ReadCachePolicy(TimeSpan.FromMinutes(2), clock));

            private Task<long> Count(CancellationToken cancellation)
            {
                Interlocked.Increment(ref _counts);
                return Task.FromResult((long)_stored.Count);
            }

            private async IAsyncEnumerable<string> ListFiltered(string filter, [EnumeratorCancellation] CancellationToken cancellation)
            {
                _filters.Enqueue(filter);
                _firstSent.TrySetResult(true);
                var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                using (cancellation.Register(() => cancelled.TrySetResult(true)))
                {
                    await Task.WhenAny(_firstReleased.Task, cancelled.Task);
                }

                RequestCancelled |= cancellation.IsCancellationRequested;
                _requestEnded.TrySetResult(true);
                cancellation.ThrowIfCancellationRequested();

                // The platform's own grammar and matching (values in any case).
                var expression = PropertyFilterExpression.Parse(filter);
                foreach (var part in _stored.Where(p => expression.Matches(new[] { System.Text.Json.Nodes.JsonValue.Create(p)! })))
                {
                    yield return part;
                }
            }
        }
    }
}
