using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using PlatformFlow.Client.Caching;
using PlatformFlow.Client.Errors;
using PlatformFlow.Client.Http;
using PlatformFlow.Client.Json;
using PlatformFlow.Tests.Support;
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

            var first = cache.GetAsync("CRMToAEP", _ => Fetch(), CancellationToken.None);
            var second = cache.GetAsync("crmtoaep", _ => Fetch(), CancellationToken.None);
            release.SetResult("spec");

            Assert.Equal(new[] { "spec", "spec" }, await Task.WhenAll(first, second));
            Assert.Equal("spec", await cache.GetAsync("CrmToAep", _ => Fetch(), CancellationToken.None));
            Assert.Equal(1, fetches);
        }

        [Fact]
        public async Task The_cache_keeps_each_key_apart()
        {
            var cache = new AsyncCache<string>();

            Assert.Equal("a", await cache.GetAsync("one", _ => Task.FromResult("a"), CancellationToken.None));
            Assert.Equal("b", await cache.GetAsync("two", _ => Task.FromResult("b"), CancellationToken.None));
            Assert.Equal("a", await cache.GetAsync("one", _ => Task.FromResult("not fetched again"), CancellationToken.None));
        }

        [Fact]
        public async Task The_cache_forgets_a_failed_fetch_so_the_next_call_tries_again()
        {
            var cache = new AsyncCache<string>();

            var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetAsync("spec", _ => throw new InvalidOperationException("transient"), CancellationToken.None));
            var retried = await cache.GetAsync("spec", _ => Task.FromResult("fetched again"), CancellationToken.None);

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
        [Fact]
        public async Task A_request_asks_for_JSON_unless_told_otherwise_and_sends_If_Match_when_given()
        {
            var handler = new CannedHandler(_ => Answer(HttpStatusCode.OK, "{}"));
            var http = Http(handler);

            await http.SendAsync(HttpMethod.Get, "/flows/f-1", PlatformJsonContext.Default.JsonObject, CancellationToken.None);
            await http.SendAsync(HttpMethod.Get, "/schemas/s-1", PlatformJsonContext.Default.JsonObject, CancellationToken.None, accept: "application/vnd.adobe.xed+json");
            await http.SendAsync(HttpMethod.Patch, "/flows/f-1", new System.Text.Json.Nodes.JsonObject(), PlatformJsonContext.Default.JsonObject, PlatformJsonContext.Default.JsonObject, CancellationToken.None, ifMatch: "\"e-1\"");

            var sent = handler.Requests.ToArray();
            Assert.Equal("https://platform.example/data/foundation/flowservice/flows/f-1", sent[0].Uri);
            Assert.Equal(new[] { "application/json", "application/vnd.adobe.xed+json", "application/json" }, sent.Select(r => r.Accept));
            Assert.Equal(new string?[] { null, null, "\"e-1\"" }, sent.Select(r => r.IfMatch));
        }

        [Fact]
        public async Task An_answer_that_is_not_the_expected_JSON_is_a_PlatformException_naming_the_call_and_its_request_ids()
        {
            var http = Http(new CannedHandler(_ => Answer(HttpStatusCode.OK, "<html>gateway page</html>", "r-1", "r-2")));

            var error = await Assert.ThrowsAsync<PlatformException>(() => http.SendAsync(HttpMethod.Get, "/flows", PlatformJsonContext.Default.JsonObject, CancellationToken.None));

            Assert.Equal((200, "Unreadable answer", "r-1,r-2", "GET", "/data/foundation/flowservice/flows"), (error.StatusCode, error.Title, error.RequestId, error.Method, error.Path));
            Assert.StartsWith("The answer to GET /data/foundation/flowservice/flows is not the expected JSON: ", error.Detail);
        }

        [Fact]
        public async Task A_JSON_null_answer_is_unreadable_too()
        {
            var http = Http(new CannedHandler(_ => Answer(HttpStatusCode.OK, "null")));

            var error = await Assert.ThrowsAsync<PlatformException>(() => http.SendAsync(HttpMethod.Get, "/flows/f-1", PlatformJsonContext.Default.JsonObject, CancellationToken.None));

            Assert.Null(error.RequestId);
            Assert.EndsWith("The answer was JSON null.", error.Detail);
        }

        [Fact]
        public async Task A_next_link_seen_before_stops_the_listing_instead_of_looping()
        {
            var http = Http(new CannedHandler(_ => Answer(HttpStatusCode.OK, "{}")));
            var items = new List<int>();

            var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            {
                await foreach (var item in http.PagesAsync("/flows", PlatformJsonContext.Default.JsonObject, (page, path) => (new[] { items.Count }, "/flows?continuationToken=same"), CancellationToken.None))
                {
                    items.Add(item);
                }
            });

            Assert.Equal(new[] { 0, 1 }, items);
            Assert.Equal("The platform returned the same next-page link twice (/flows?continuationToken=same); stopping to avoid an endless list.", error.Message);
        }

        [Fact]
        public async Task Each_attempt_is_traced_with_its_status_request_id_or_why_it_got_no_answer()
        {
            var records = new ConcurrentQueue<HttpCallRecord>();
            var outcomes = new Queue<Func<HttpResponseMessage>>(new Func<HttpResponseMessage>[]
            {
                () => Answer(HttpStatusCode.Created, "{}", "r-9"),
                () => Answer(HttpStatusCode.NoContent, string.Empty),
                () => throw new TaskCanceledException(),
                () => throw new HttpRequestException("refused"),
            });
            using var invoker = new HttpMessageInvoker(new HttpTraceHandler { InnerHandler = new CannedHandler(_ => outcomes.Dequeue()()) });

            using (HttpCallTrace.Listen(records.Enqueue))
            {
                for (var i = 0; i < 4; i++)
                {
                    try
                    {
                        using var response = await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Post, "https://platform.example/data/flows?x=1"), CancellationToken.None);
                    }
                    catch (Exception ex) when (ex is OperationCanceledException || ex is HttpRequestException)
                    {
                    }
                }
            }

            Assert.Equal(
                new (int?, string?, string?)[] { (201, "r-9", null), (204, null, null), (null, null, "cancelled"), (null, null, "HttpRequestException") },
                records.Select(r => (r.Status, r.RequestId, r.Failure)));
            Assert.All(records, r => Assert.Equal(("POST", "/data/flows?x=1"), (r.Method, r.PathAndQuery)));
        }

        [Fact]
        public async Task A_401_drops_the_token_and_retries_once_with_a_fresh_one_releasing_the_refused_answer()
        {
            var tokens = new QueuedTokens("t-1", "t-2");
            var refused = new TrackedContent();
            var answers = new Queue<HttpResponseMessage>(new[] { new HttpResponseMessage(HttpStatusCode.Unauthorized) { Content = refused }, new HttpResponseMessage(HttpStatusCode.OK) });
            var inner = new CannedHandler(_ => answers.Dequeue());
            using var invoker = new HttpMessageInvoker(new PlatformHeadersHandler(Settings(tokens)) { InnerHandler = inner });

            using var response = await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://platform.example/data/flows"), CancellationToken.None);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(new[] { "Bearer t-1", "Bearer t-2" }, inner.Authorizations);
            Assert.Equal(new[] { "t-1" }, tokens.Invalidated);
            Assert.True(refused.Disposed);
            Assert.All(inner.PlatformHeaders, headers => Assert.Equal("key|org@AdobeOrg|dev", headers));
        }

        [Fact]
        public async Task A_401_is_returned_as_is_when_no_fresh_token_can_be_had()
        {
            var tokens = new QueuedTokens("t-1") { CanRenew = false };
            var inner = new CannedHandler(_ => new HttpResponseMessage(HttpStatusCode.Unauthorized));
            using var invoker = new HttpMessageInvoker(new PlatformHeadersHandler(Settings(tokens)) { InnerHandler = inner });

            using var response = await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://platform.example/data/flows"), CancellationToken.None);

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal(new[] { "Bearer t-1" }, inner.Authorizations);
        }

        [Fact]
        public async Task No_more_requests_than_the_contexts_slots_are_in_flight_and_each_slot_is_given_back()
        {
            var concurrency = new AdaptiveConcurrency(1, TimeProvider.System);
            var firstAnswer = new TaskCompletionSource<HttpResponseMessage>();
            var inner = new ScriptedHandler(
                (_, _) => firstAnswer.Task,
                (_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)),
                (_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)));
            using var invoker = new HttpMessageInvoker(new ConcurrencyLimitHandler(concurrency) { InnerHandler = inner });

            var first = invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://platform.example/a"), CancellationToken.None);
            var second = invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://platform.example/b"), CancellationToken.None);
            await Task.Delay(100);

            // The second waits for the only slot, which the first holds until its answer comes.
            Assert.Equal(1, inner.Calls);
            Assert.False(second.IsCompleted);
            firstAnswer.SetResult(new HttpResponseMessage(HttpStatusCode.OK));
            await Task.WhenAll(first, second);
            using var third = await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://platform.example/c"), CancellationToken.None);

            Assert.Equal(3, inner.Calls);
            Assert.Equal(0, concurrency.InFlight);
        }

        [Fact]
        public async Task A_traced_attempt_records_how_long_it_took()
        {
            var records = new ConcurrentQueue<HttpCallRecord>();
            var inner = new ScriptedHandler(async (_, cancellation) =>
            {
                await Task.Delay(100, cancellation);
                return new HttpResponseMessage(HttpStatusCode.OK);
            });
            using var invoker = new HttpMessageInvoker(new HttpTraceHandler { InnerHandler = inner });

            using (HttpCallTrace.Listen(records.Enqueue))
            {
                using var response = await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://platform.example/slow"), CancellationToken.None);
            }

            // At least the time the answer took (timers may fire a little early), and not some multiple of it.
            Assert.InRange(Assert.Single(records).Elapsed, TimeSpan.FromMilliseconds(80), TimeSpan.FromSeconds(30));
        }

        [Fact]
        public void The_lease_hands_out_the_same_client_until_it_is_renewed()
        {
            var created = 0;
            var lease = new HttpClientLease(() =>
            {
                created++;
                return new HttpClient();
            });

            Assert.Same(lease.Client, lease.Client);
            Assert.Equal(1, created);
        }

        private static PlatformFlow.Client.PlatformConnectionSettings Settings(PlatformFlow.Client.Auth.IAccessTokenSource tokens) =>
            new PlatformFlow.Client.PlatformConnectionSettings(new Uri("https://platform.example"), "org@AdobeOrg", "dev", "key", tokens);

        /// <summary>Hands out the given tokens in turn; records which were invalidated.</summary>
        private sealed class QueuedTokens : PlatformFlow.Client.Auth.IAccessTokenSource
        {
            private readonly Queue<string> _tokens;

            public QueuedTokens(params string[] tokens)
            {
                _tokens = new Queue<string>(tokens);
            }

            public bool CanRenew { get; set; } = true;

            public List<string> Invalidated { get; } = new List<string>();

            private string? Current { get; set; }

            public Task<string> GetAccessTokenAsync(CancellationToken cancellationToken) => Task.FromResult(Current ??= _tokens.Dequeue());

            public bool Invalidate(string rejectedToken)
            {
                Invalidated.Add(rejectedToken);
                Current = null;
                return CanRenew;
            }
        }

        /// <summary>A body that notes when it is released.</summary>
        private sealed class TrackedContent : StringContent
        {
            public TrackedContent()
                : base("{}")
            {
            }

            public bool Disposed { get; private set; }

            protected override void Dispose(bool disposing)
            {
                Disposed = true;
                base.Dispose(disposing);
            }
        }

        private static PlatformHttp Http(CannedHandler handler) =>
            new PlatformHttp(new HttpClientLease(() => new HttpClient(handler, disposeHandler: false)), new Uri("https://platform.example"), "/data/foundation/flowservice");

        private static HttpResponseMessage Answer(HttpStatusCode status, string body, params string[] requestIds)
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            foreach (var id in requestIds)
            {
                response.Headers.TryAddWithoutValidation("x-request-id", id);
            }

            return response;
        }

        /// <summary>Answers every request with the given function and remembers what was sent.</summary>
        private sealed class CannedHandler : HttpMessageHandler
        {
            private readonly Func<HttpRequestMessage, HttpResponseMessage> _answer;

            public CannedHandler(Func<HttpRequestMessage, HttpResponseMessage> answer)
            {
                _answer = answer;
            }

            public ConcurrentQueue<(string Uri, string Accept, string? IfMatch)> Requests { get; } = new ConcurrentQueue<(string Uri, string Accept, string? IfMatch)>();

            public ConcurrentQueue<string> Authorizations { get; } = new ConcurrentQueue<string>();

            /// <summary>x-api-key|x-gw-ims-org-id|x-sandbox-name of each request, each header's values joined by commas.</summary>
            public ConcurrentQueue<string> PlatformHeaders { get; } = new ConcurrentQueue<string>();

            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                Requests.Enqueue((request.RequestUri!.ToString(), request.Headers.Accept.ToString(), request.Headers.TryGetValues("If-Match", out var tags) ? tags.Single() : null));
                Authorizations.Enqueue(request.Headers.Authorization?.ToString() ?? "none");
                PlatformHeaders.Enqueue(string.Join("|", new[] { "x-api-key", "x-gw-ims-org-id", "x-sandbox-name" }.Select(h => request.Headers.TryGetValues(h, out var values) ? string.Join(",", values) : "missing")));
                return Task.FromResult(_answer(request));
            }
        }
    }
}
