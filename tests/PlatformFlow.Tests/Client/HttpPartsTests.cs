using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using PlatformFlow.Client.Http;
using Xunit;

namespace PlatformFlow.Tests.Client
{
    /// <summary>The small parts of the HTTP stack: the session cache, the -Verbose record and its ambient listener.</summary>
    public sealed class HttpPartsTests
    {
        [Fact]
        public async Task The_cache_fetches_once_for_concurrent_callers_whatever_the_keys_case()
        {
            var cache = new AsyncCache<string>();
            var fetches = 0;
            var release = new TaskCompletionSource<string>();
            Task<string> Fetch()
            {
                Interlocked.Increment(ref fetches);
                return release.Task;
            }

            var first = cache.GetAsync("CRMToAEP", Fetch);
            var second = cache.GetAsync("crmtoaep", Fetch);
            release.SetResult("spec");

            Assert.Equal(new[] { "spec", "spec" }, await Task.WhenAll(first, second));
            Assert.Equal("spec", await cache.GetAsync("CrmToAep", Fetch));
            Assert.Equal(1, fetches);
        }

        [Fact]
        public async Task The_cache_keeps_each_key_apart()
        {
            var cache = new AsyncCache<string>();

            Assert.Equal("a", await cache.GetAsync("one", () => Task.FromResult("a")));
            Assert.Equal("b", await cache.GetAsync("two", () => Task.FromResult("b")));
            Assert.Equal("a", await cache.GetAsync("one", () => Task.FromResult("not fetched again")));
        }

        [Fact]
        public async Task The_cache_forgets_a_failed_fetch_so_the_next_call_tries_again()
        {
            var cache = new AsyncCache<string>();

            var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetAsync("spec", () => throw new InvalidOperationException("transient")));
            var retried = await cache.GetAsync("spec", () => Task.FromResult("fetched again"));

            Assert.Equal("transient", failure.Message);
            Assert.Equal("fetched again", retried);
        }

        [Fact]
        public void A_call_record_shows_method_path_status_time_and_request_id()
        {
            var answered = new HttpCallRecord("GET", "/data/foundation/flowservice/flows?limit=50", 200, TimeSpan.FromMilliseconds(12.7), "pf-1", null);
            var noRequestId = new HttpCallRecord("PATCH", "/flows/f-1", 412, TimeSpan.FromMilliseconds(3), null, null);

            Assert.Equal("GET /data/foundation/flowservice/flows?limit=50 -> 200 in 12 ms [request id pf-1]", answered.ToString());
            Assert.Equal("PATCH /flows/f-1 -> 412 in 3 ms", noRequestId.ToString());
        }

        [Fact]
        public void A_call_without_an_answer_shows_why()
        {
            var record = new HttpCallRecord("POST", "/flows", null, TimeSpan.FromMilliseconds(1500), null, "cancelled");

            Assert.Equal("POST /flows -> no answer (cancelled) in 1500 ms", record.ToString());
        }

        [Fact]
        public void A_listener_hears_only_while_it_listens_and_the_one_before_it_comes_back()
        {
            var outer = new List<string>();
            var inner = new List<string>();
            HttpCallRecord Record(string path) => new HttpCallRecord("GET", path, 200, TimeSpan.Zero, null, null);

            HttpCallTrace.Publish(Record("/before"));
            using (HttpCallTrace.Listen(r => outer.Add(r.PathAndQuery)))
            {
                HttpCallTrace.Publish(Record("/outer-1"));
                using (HttpCallTrace.Listen(r => inner.Add(r.PathAndQuery)))
                {
                    HttpCallTrace.Publish(Record("/inner"));
                }

                HttpCallTrace.Publish(Record("/outer-2"));
            }

            HttpCallTrace.Publish(Record("/after"));

            Assert.Equal(new[] { "/outer-1", "/outer-2" }, outer);
            Assert.Equal(new[] { "/inner" }, inner);
        }
    }
}
