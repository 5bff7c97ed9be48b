using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using PlatformFlow.Emulator.Engine;
using PlatformFlow.Tests.Emulator.FlowService;
using PlatformFlow.Tests.Support;
using Xunit;

namespace PlatformFlow.Tests.Emulator.Engine
{
    /// <summary>The transport-neutral request and response, the in-process handler between them and HttpClient, and the journal.</summary>
    public sealed class RequestAndJournalTests
    {
        private readonly EmulatorEngine _engine = new EmulatorEngine();
        private readonly HttpClient _client;

        public RequestAndJournalTests()
        {
            _client = PlatformTestClient.Create(_engine);
        }

        [Theory]
        [InlineData(null, "")]
        [InlineData("", "")]
        [InlineData("?a=1&&b&c=x+y&d=%2B%26&e=1=2", "a=1|b=|c=x y|d=+&|e=1=2")]
        [InlineData("property=name%3D%3Da&property=id!%3Db", "property=name==a|property=id!=b")]
        [InlineData("=x&a=b", "=x|a=b")]
        public void A_query_string_splits_into_decoded_pairs_in_order(string? raw, string expected)
        {
            Assert.Equal(expected, string.Join("|", EmulatorRequest.ParseQuery(raw).Select(p => p.Key + "=" + p.Value)));
        }

        [Fact]
        public void A_request_reads_its_method_headers_and_query_without_regard_to_case()
        {
            var request = new EmulatorRequest("patch", "/a b", EmulatorRequest.ParseQuery("Limit=1&limit=2&x=3"), new Dictionary<string, string> { ["X-Sandbox-Name"] = "dev" }, Array.Empty<byte>());

            Assert.Equal(("PATCH", "/a b", "/a b", false), (request.Method, request.Path, request.RawPath, request.HasBody));
            Assert.Equal("dev", request.Header("x-sandbox-name"));
            Assert.Null(request.Header("x-api-key"));
            Assert.Equal("1", request.QueryValue("LIMIT"));
            Assert.Null(request.QueryValue("count"));
            Assert.Equal(new[] { "1", "2" }, request.QueryValues("limit"));
        }

        [Fact]
        public void The_journal_keeps_the_last_ten_thousand_entries_and_exact_counts()
        {
            var journal = new RequestJournal();
            for (var i = 0; i < 10_002; i++)
            {
                journal.Record(new JournalEntry(i % 2 == 0 ? "GET" : "POST", "/" + i, "prod", 200));
            }

            var recent = journal.Recent;
            Assert.Equal((10_000, "/2", "/10001"), (recent.Count, recent[0].Path, recent[recent.Count - 1].Path));
            Assert.Equal((10_002L, 5_001L), (journal.Total, journal.Writes));

            journal.Clear();
            Assert.Equal((0, 0L, 0L), (journal.Recent.Count, journal.Total, journal.Writes));
        }

        [Theory]
        [InlineData("GET", null, false)]
        [InlineData("HEAD", null, false)]
        [InlineData("POST", null, true)]
        [InlineData("DELETE", null, true)]
        [InlineData("POST", false, false)]
        [InlineData("GET", true, true)]
        public void A_journal_entry_is_a_write_unless_a_read_or_marked_otherwise(string method, bool? isWrite, bool expected)
        {
            Assert.Equal(expected, new JournalEntry(method, "/x", null, 200, isWrite).IsWrite);
        }

        [Fact]
        public void An_error_detail_longer_than_the_bound_is_cut_and_says_how_long_it_was()
        {
            var exact = new EmulatorError(400, "c", "t", new string('x', EmulatorError.MaxDetailLength));
            var longer = EmulatorError.Conflict("c", new string('y', EmulatorError.MaxDetailLength + 1));

            Assert.Equal(2000, exact.Detail.Length);
            Assert.Equal(new string('y', 2000) + "… (2001 characters in all)", longer.Detail);
            Assert.Equal(longer.Detail, longer.Message);
            Assert.Equal((409, "Conflict"), (longer.Status, longer.Title));
        }

        [Fact]
        public async Task The_in_process_handler_passes_headers_body_and_encoded_path_and_returns_the_answer_with_its_headers()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/data/foundation/flowservice/connections?x=1")
            {
                Content = new StringContent(@"{""name"":""c""}", Encoding.UTF8, "application/json"),
            };

            using var response = await _client.SendAsync(request);

            var problem = await response.ExpectAsync(HttpStatusCode.BadRequest);
            Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
            Assert.StartsWith("pf-00000001-", response.Headers.GetValues("x-request-id").Single());
            Assert.Equal("POST /data/foundation/flowservice/connections -> 400", _engine.Journal.Recent.Single().ToString());
            Assert.Equal("1470-400", problem["type"]!.ToString().Split("FLOW-")[1]);
        }

        [Fact]
        public async Task A_header_sent_with_several_values_reaches_the_engine_as_one_joined_value()
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/data/foundation/flowservice/connections");
            request.Headers.TryAddWithoutValidation("x-sandbox-name", new[] { "prod", "dev" });

            using var response = await _client.SendAsync(request);

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("Sandbox 'prod, dev' does not exist", await response.Content.ReadAsStringAsync());
        }

        [Fact]
        public async Task A_dropped_connection_is_the_socket_error_a_real_handler_throws()
        {
            _engine.Faults.EnqueueConnectionReset(FaultTiming.BeforeHandling);

            var error = await Assert.ThrowsAsync<HttpRequestException>(() => _client.GetAsync("/data/foundation/flowservice/connections"));

            Assert.Equal("An error occurred while sending the request.", error.Message);
            Assert.Equal("The emulator dropped the connection (injected fault).", error.InnerException!.Message);
            Assert.Equal(SocketError.ConnectionReset, ((SocketException)error.InnerException!.InnerException!).SocketErrorCode);
        }

        [Fact]
        public async Task A_request_cancelled_before_it_is_sent_reaches_no_service()
        {
            using var cancelled = new CancellationTokenSource();
            cancelled.Cancel();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _client.GetAsync("/data/foundation/flowservice/connections", cancelled.Token));

            Assert.Equal(0, _engine.Journal.Total);
        }

        [Fact]
        public async Task The_answers_headers_arrive_on_the_response_and_an_empty_answer_has_no_content_type()
        {
            using var created = await _client.PostJsonAsync("/data/foundation/flowservice/connections", FlowServiceTestBed.ShopifyConnectionBody().ToJsonString());
            var body = await created.JsonAsync();

            using var deleted = await _client.DeleteAsync("/data/foundation/flowservice/connections/" + (string)body["id"]!);

            Assert.Equal("/data/foundation/flowservice/connections/" + (string)body["id"]!, created.Headers.Location!.OriginalString);
            Assert.Equal((string)body["etag"]!, created.Headers.ETag!.Tag);
            Assert.Equal(new[] { "Content-Length", "Content-Type" }, created.Content.Headers.Select(h => h.Key).OrderBy(k => k, StringComparer.Ordinal));
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
            Assert.Null(deleted.Content.Headers.ContentType);
        }
    }
}
