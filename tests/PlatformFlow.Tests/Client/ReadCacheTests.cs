using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using PlatformFlow.Client.Api;
using PlatformFlow.Client.Caching;
using PlatformFlow.Client.Http;
using PlatformFlow.Tests.Support;
using Xunit;

namespace PlatformFlow.Tests.Client
{
    /// <summary>The context's shared reads: fetched once while they live, fetched again after, replaced or dropped by writes.</summary>
    public sealed class ReadCacheTests
    {
        private readonly ManualTimeProvider _clock = new ManualTimeProvider();

        [Fact]
        public async Task A_value_is_fetched_once_while_it_lives_and_again_once_it_has_expired()
        {
            var cache = new AsyncCache<int>(TimeSpan.FromMinutes(2), _clock);
            var fetches = 0;
            Task<int> Fetch() => Task.FromResult(++fetches);

            await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => cache.GetAsync("dataset", cancel => Fetch(), CancellationToken.None)));
            _clock.Advance(TimeSpan.FromSeconds(119));
            Assert.Equal(1, await cache.GetAsync("dataset", cancel => Fetch(), CancellationToken.None));
            _clock.Advance(TimeSpan.FromSeconds(1));
            Assert.Equal(2, await cache.GetAsync("dataset", cancel => Fetch(), CancellationToken.None));
        }

        [Fact]
        public async Task A_write_replaces_or_drops_the_value()
        {
            var cache = new AsyncCache<string>(TimeSpan.FromMinutes(2), _clock);
            cache.Set("connection", "as created");
            Assert.Equal("as created", await cache.GetAsync("connection", _ => Task.FromResult("fetched"), CancellationToken.None));

            cache.Remove("connection");
            Assert.Equal("fetched", await cache.GetAsync("connection", _ => Task.FromResult("fetched"), CancellationToken.None));
        }

        [Fact]
        public async Task The_part_index_lists_once_keeps_this_modules_writes_and_lists_again_after_its_lifetime()
        {
            var listings = 0;
            var platform = new List<string> { "a 1", "b 1" };
            async IAsyncEnumerable<string> ListAll([EnumeratorCancellation] CancellationToken cancellation)
            {
                listings++;
                foreach (var part in platform.ToList())
                {
                    await Task.Yield();
                    yield return part;
                }
            }

            var index = new PartIndex<string>(ListAll, p => p.Split(' ')[0], p => p, new ReadCachePolicy(TimeSpan.FromMinutes(2), _clock));

            Assert.Equal(new[] { "a 1" }, await index.FindAsync("A", CancellationToken.None));
            index.Remember("c 1");
            index.Forget("b 1");
            Assert.Equal(new[] { "c 1" }, await index.FindAsync("c", CancellationToken.None));
            Assert.Empty(await index.FindAsync("b", CancellationToken.None));
            Assert.Equal(1, listings);

            platform.Add("d 1");
            _clock.Advance(TimeSpan.FromMinutes(2));
            Assert.Equal(new[] { "d 1" }, await index.FindAsync("d", CancellationToken.None));
            Assert.Equal(2, listings);
        }

        [Fact]
        public async Task A_caller_that_cancels_stops_only_its_own_wait_for_a_shared_fetch()
        {
            var cache = new AsyncCache<string>(TimeSpan.FromMinutes(2), _clock);
            var release = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            var fetchToken = new TaskCompletionSource<CancellationToken>();
            Task<string> Fetch(CancellationToken cancel)
            {
                fetchToken.SetResult(cancel);
                return release.Task;
            }

            using var first = new CancellationTokenSource();
            var firstWait = cache.GetAsync("dataset", Fetch, first.Token);
            var secondWait = cache.GetAsync("dataset", Fetch, CancellationToken.None);
            first.Cancel();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => firstWait);
            Assert.False((await fetchToken.Task).IsCancellationRequested);
            release.SetResult("fetched");
            Assert.Equal("fetched", await secondWait);
            Assert.Equal("fetched", await cache.GetAsync("dataset", Fetch, CancellationToken.None));
        }

        [Fact]
        public async Task A_caller_that_cancels_leaves_a_shared_listing_to_finish_for_the_others()
        {
            var release = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            var listings = 0;
            async IAsyncEnumerable<string> ListAll([EnumeratorCancellation] CancellationToken cancellation)
            {
                listings++;
                await release.Task;
                cancellation.ThrowIfCancellationRequested();
                yield return "a 1";
            }

            var index = new PartIndex<string>(ListAll, p => p.Split(' ')[0], p => p, new ReadCachePolicy(TimeSpan.FromMinutes(2), _clock));
            using var first = new CancellationTokenSource();
            var firstFind = index.FindAsync("a", first.Token);
            var secondFind = index.FindAsync("a", CancellationToken.None);
            first.Cancel();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => firstFind);
            release.SetResult(true);
            Assert.Equal(new[] { "a 1" }, await secondFind);
            Assert.Equal(new[] { "a 1" }, await index.FindAsync("a", CancellationToken.None));
            Assert.Equal(1, listings);
        }
    }
}
