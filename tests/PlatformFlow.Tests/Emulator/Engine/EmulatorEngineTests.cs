using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using PlatformFlow.Emulator.Engine;
using PlatformFlow.Tests.Emulator.FlowService;
using Xunit;

namespace PlatformFlow.Tests.Emulator.Engine
{
    /// <summary>
    /// The engine's own rules, before and around a service's handler: the gateway's headers, routing misses, the body's
    /// content type, injected faults, request ids and the journal. Each answer's body is written out whole.
    /// </summary>
    public sealed class EmulatorEngineTests
    {
        private const string Connections = "/data/foundation/flowservice/connections";
        private static readonly string Connection = FlowServiceTestBed.ShopifyConnectionBody().ToJsonString();

        private readonly EmulatorEngine _engine = new EmulatorEngine();

        [Theory]
        [InlineData("Authorization", null, 401, @"{""error_code"":""401013"",""message"":""Oauth token is not valid""}")]
        [InlineData("Authorization", "Basic dXNlcg==", 401, @"{""error_code"":""401013"",""message"":""Oauth token is not valid""}")]
        [InlineData("Authorization", "Bearer    ", 401, @"{""error_code"":""401013"",""message"":""Oauth token is not valid""}")]
        [InlineData("x-api-key", null, 403, @"{""error_code"":""403003"",""message"":""Api Key is invalid""}")]
        [InlineData("x-api-key", " ", 403, @"{""error_code"":""403003"",""message"":""Api Key is invalid""}")]
        [InlineData("x-gw-ims-org-id", null, 400, @"{""type"":""https://ns.adobe.com/aep/errors/FLOW-2106-400"",""title"":""Bad Request"",""status"":400,""report"":{""detailed-message"":""The x-gw-ims-org-id header is required."",""request-id"":""<id>""},""errorMessage"":""The x-gw-ims-org-id header is required.""}")]
        [InlineData("x-gw-ims-org-id", " ", 400, @"{""type"":""https://ns.adobe.com/aep/errors/FLOW-2106-400"",""title"":""Bad Request"",""status"":400,""report"":{""detailed-message"":""The x-gw-ims-org-id header is required."",""request-id"":""<id>""},""errorMessage"":""The x-gw-ims-org-id header is required.""}")]
        [InlineData("x-sandbox-name", null, 400, @"{""type"":""https://ns.adobe.com/aep/errors/FLOW-2105-400"",""title"":""Bad Request"",""status"":400,""report"":{""detailed-message"":""The x-sandbox-name header is required."",""request-id"":""<id>""},""errorMessage"":""The x-sandbox-name header is required.""}")]
        [InlineData("x-sandbox-name", " ", 400, @"{""type"":""https://ns.adobe.com/aep/errors/FLOW-2105-400"",""title"":""Bad Request"",""status"":400,""report"":{""detailed-message"":""The x-sandbox-name header is required."",""request-id"":""<id>""},""errorMessage"":""The x-sandbox-name header is required.""}")]
        [InlineData("x-sandbox-name", "Prod", 404, @"{""type"":""https://ns.adobe.com/aep/errors/FLOW-2100-404"",""title"":""Not Found"",""status"":404,""report"":{""detailed-message"":""Sandbox 'Prod' does not exist in this organization (sandbox names are lower case)."",""request-id"":""<id>""},""errorMessage"":""Sandbox 'Prod' does not exist in this organization (sandbox names are lower case).""}")]
        public async Task A_request_missing_a_gateway_rule_is_refused_before_the_service(string header, string? value, int status, string body)
        {
            var answer = await Send("GET", Connections, change: h => Set(h, header, value));

            Assert.Equal(status, answer.StatusCode);
            Assert.Equal(body, BodyOf(answer));
            Assert.Equal("GET " + Connections + " -> " + status, _engine.Journal.Recent.Single().ToString());
        }

        [Theory]
        [InlineData("bearer   some-token  ")]
        [InlineData("BEARER x")]
        public async Task Without_credentials_any_bearer_token_passes_in_any_case(string authorization)
        {
            Assert.Equal(200, (await Send("GET", Connections, change: h => h["Authorization"] = authorization)).StatusCode);
        }

        [Fact]
        public async Task With_credentials_the_token_must_be_the_clients_and_the_api_key_its_id()
        {
            var engine = new EmulatorEngine(new EmulatorOptions { Credentials = new EmulatorCredentials("client", "secret") });
            var token = engine.Tokens.Issue("client", "secret")!.Value;

            Assert.Equal(200, (await Send(engine, "GET", Connections, change: h => { h["Authorization"] = "Bearer " + token; h["x-api-key"] = "client"; })).StatusCode);
            Assert.Equal(200, (await Send(engine, "GET", Connections, change: h => { h["Authorization"] = "bearer  " + token + " "; h["x-api-key"] = "client"; })).StatusCode);
            Assert.Equal(401, (await Send(engine, "GET", Connections, change: h => { h["Authorization"] = "Bearer " + token; h["x-api-key"] = "other"; })).StatusCode);
            Assert.Equal(401, (await Send(engine, "GET", Connections, change: h => h["x-api-key"] = "client")).StatusCode);
        }

        [Theory]
        [InlineData("GET", "/nothing/here", 404, @"{""error_code"":""1000-404"",""message"":""No API is served at /nothing/here.""}")]
        [InlineData("GET", "/data/foundation/flowservicex", 404, @"{""error_code"":""1000-404"",""message"":""No API is served at /data/foundation/flowservicex.""}")]
        [InlineData("GET", "/data/foundation/catalog/nothing", 404, @"{""type"":""https://ns.adobe.com/aep/errors/CAT-1000-404"",""status"":404,""title"":""Not Found"",""detail"":""No resource is served at /data/foundation/catalog/nothing.""}")]
        [InlineData("PUT", Connections, 405, @"{""type"":""https://ns.adobe.com/aep/errors/FLOW-1000-405"",""title"":""Method Not Allowed"",""status"":405,""report"":{""detailed-message"":""PUT is not allowed on /data/foundation/flowservice/connections."",""request-id"":""<id>""},""errorMessage"":""PUT is not allowed on /data/foundation/flowservice/connections.""}")]
        public async Task A_path_or_method_no_route_serves_is_answered_in_the_style_of_its_service(string method, string path, int status, string body)
        {
            var answer = await Send(method, path);

            Assert.Equal(status, answer.StatusCode);
            Assert.Equal(body, BodyOf(answer));
        }

        [Theory]
        [InlineData(null)]
        [InlineData("text/plain")]
        public async Task A_body_without_a_json_content_type_is_a_415(string? contentType)
        {
            var answer = await Send("POST", Connections, Connection, h => Set(h, "Content-Type", contentType));

            Assert.Equal(415, answer.StatusCode);
            Assert.Equal(@"{""type"":""https://ns.adobe.com/aep/errors/FLOW-1002-415"",""title"":""Unsupported Media Type"",""status"":415,""report"":{""detailed-message"":""A request body needs the header Content-Type: application/json."",""request-id"":""<id>""},""errorMessage"":""A request body needs the header Content-Type: application/json.""}", BodyOf(answer));
            Assert.Equal(0, Stored());
        }

        [Theory]
        [InlineData("Application/JSON; charset=utf-8")]
        [InlineData("text/json")]
        [InlineData("JSON")]
        public async Task Any_json_content_type_in_any_case_is_taken(string contentType)
        {
            Assert.Equal(201, (await Send("POST", Connections, Connection, h => h["Content-Type"] = contentType)).StatusCode);
        }

        [Fact]
        public async Task A_fault_before_handling_changes_nothing_and_one_after_handling_is_answered_once_the_change_is_made()
        {
            _engine.Faults.EnqueueStatus(503, "POST", afterHandling: false);
            _engine.Faults.EnqueueStatus(503, "POST", afterHandling: true);

            var before = await Send("POST", Connections, Connection);
            Assert.Equal(0, Stored());
            var after = await Send("POST", Connections, Connection);
            Assert.Equal(1, Stored());

            const string unavailable = @"{""type"":""https://ns.adobe.com/aep/errors/FLOW-1503-503"",""title"":""Service Unavailable"",""status"":503,""report"":{""detailed-message"":""The service is temporarily unavailable."",""request-id"":""<id>""},""errorMessage"":""The service is temporarily unavailable.""}";
            Assert.Equal((503, unavailable), (before.StatusCode, BodyOf(before)));
            Assert.Equal((503, unavailable), (after.StatusCode, BodyOf(after)));
            Assert.Equal(new[] { "POST " + Connections + " -> 503", "POST " + Connections + " -> 503" }, _engine.Journal.Recent.Select(e => e.ToString()));
            Assert.Equal((2L, 2L), (_engine.Journal.Total, _engine.Journal.Writes));
        }

        [Fact]
        public async Task A_dropped_connection_after_handling_has_no_answer_but_the_change_is_made()
        {
            _engine.Faults.EnqueueConnectionReset(FaultTiming.AfterHandling, "POST");
            _engine.Faults.EnqueueConnectionReset(FaultTiming.BeforeHandling, "POST");

            var after = await Send("POST", Connections, Connection);
            Assert.Equal(1, Stored());
            var before = await Send("POST", Connections, Connection);
            Assert.Equal(1, Stored());

            Assert.True(after.IsConnectionReset && before.IsConnectionReset);
            Assert.Equal((0, 0), (after.Body.Length, before.Body.Length));
            Assert.Equal(new[] { 0, 0 }, _engine.Journal.Recent.Select(e => e.Status));
        }

        [Fact]
        public async Task A_gateway_timeout_is_answered_in_the_services_style()
        {
            _engine.Faults.Enqueue(504, FaultTiming.BeforeHandling);

            var answer = await Send("GET", "/data/foundation/catalog/dataSets");

            Assert.Equal(504, answer.StatusCode);
            Assert.Equal(@"{""type"":""https://ns.adobe.com/aep/errors/CAT-1504-504"",""status"":504,""title"":""Gateway Timeout"",""detail"":""The service did not answer in time.""}", BodyOf(answer));
        }

        [Fact]
        public async Task A_429_is_the_gateways_with_Retry_After_only_when_the_fault_has_one()
        {
            _engine.Faults.EnqueueThrottle("GET", 30);
            _engine.Faults.Enqueue(429, FaultTiming.BeforeHandling, "GET");

            var withWait = await Send("GET", "/data/foundation/catalog/dataSets");
            var without = await Send("GET", "/data/foundation/catalog/dataSets");

            Assert.Equal(@"{""error_code"":""429001"",""message"":""Too many requests""}", BodyOf(withWait));
            Assert.Equal((429, "30"), (withWait.StatusCode, withWait.Headers["Retry-After"]));
            Assert.Equal(@"{""error_code"":""429001"",""message"":""Too many requests""}", BodyOf(without));
            Assert.False(without.Headers.ContainsKey("Retry-After"));
        }

        [Fact]
        public async Task The_random_throttle_answers_with_the_configured_Retry_After()
        {
            var engine = new EmulatorEngine(new EmulatorOptions { Faults = new FaultOptions { ThrottleRate = 1, RetryAfterSeconds = 4 } });

            var answer = await Send(engine, "GET", Connections);

            Assert.Equal((429, "4"), (answer.StatusCode, answer.Headers["Retry-After"]));
        }

        [Fact]
        public async Task The_token_endpoint_needs_no_platform_headers_and_takes_no_injected_fault()
        {
            _engine.Faults.EnqueueStatus(503, "POST", afterHandling: false);
            var form = new Dictionary<string, string> { ["Content-Type"] = "application/x-www-form-urlencoded" };
            var request = new EmulatorRequest("POST", "/ims/token/v3", Array.Empty<KeyValuePair<string, string>>(), form, Encoding.UTF8.GetBytes("grant_type=client_credentials&client_id=c&client_secret=s&scope=openid"));

            var token = await _engine.HandleAsync(request);
            var platform = await Send("POST", Connections, Connection);

            Assert.Equal(200, token.StatusCode);
            Assert.Equal(503, platform.StatusCode);
            Assert.Equal(new[] { "POST /ims/token/v3 -> 200", "POST " + Connections + " -> 503" }, _engine.Journal.Recent.Select(e => e.ToString()));
            Assert.Null(_engine.Journal.Recent[0].Sandbox);
            Assert.Equal("prod", _engine.Journal.Recent[1].Sandbox);
        }

        [Fact]
        public async Task Each_answer_has_a_request_id_counting_up_from_one()
        {
            var first = await Send("GET", Connections);
            var second = await Send("GET", "/nothing");

            Assert.Matches("^pf-00000001-[0-9a-f]{12}$", first.Headers["x-request-id"]);
            Assert.Matches("^pf-00000002-[0-9a-f]{12}$", second.Headers["x-request-id"]);
        }

        [Fact]
        public async Task Latency_delays_every_answer_and_a_cancelled_wait_answers_nothing()
        {
            var engine = new EmulatorEngine(new EmulatorOptions { Faults = new FaultOptions { Latency = TimeSpan.FromMilliseconds(80) } });
            var watch = Stopwatch.StartNew();

            Assert.Equal(200, (await Send(engine, "GET", Connections)).StatusCode);

            Assert.True(watch.ElapsedMilliseconds >= 75, watch.ElapsedMilliseconds + " ms");
            using var cancelled = new CancellationTokenSource();
            cancelled.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => engine.HandleAsync(Request("GET", Connections, null, null), cancelled.Token));
            Assert.Equal(1, engine.Journal.Total);
        }

        [Fact]
        public async Task Without_latency_the_engine_does_not_wait_so_it_answers_whatever_the_token_says()
        {
            // The in-process handler checks the token before and after; the engine itself waits only for latency.
            using var cancelled = new CancellationTokenSource();
            cancelled.Cancel();

            var answer = await _engine.HandleAsync(Request("GET", Connections, null, null), cancelled.Token);

            Assert.Equal(200, answer.StatusCode);
        }

        [Fact]
        public async Task The_journal_marks_reads_and_checks_as_no_writes()
        {
            await Send("GET", Connections);
            await Send("POST", "/data/foundation/conversion/mappingSets/validate", "{}");
            await Send("POST", Connections, Connection);

            Assert.Equal(new[] { false, false, true }, _engine.Journal.Recent.Select(e => e.IsWrite));
            Assert.Equal((3L, 1L), (_engine.Journal.Total, _engine.Journal.Writes));
        }

        private static void Set(Dictionary<string, string> headers, string name, string? value)
        {
            if (value is null)
            {
                headers.Remove(name);
            }
            else
            {
                headers[name] = value;
            }
        }

        private int Stored() => _engine.Sandbox("prod")!.Collection("connections").Count;

        private Task<EmulatorResponse> Send(string method, string path, string? body = null, Action<Dictionary<string, string>>? change = null) =>
            Send(_engine, method, path, body, change);

        private static Task<EmulatorResponse> Send(EmulatorEngine engine, string method, string path, string? body = null, Action<Dictionary<string, string>>? change = null) =>
            engine.HandleAsync(Request(method, path, body, change));

        private static EmulatorRequest Request(string method, string path, string? body, Action<Dictionary<string, string>>? change)
        {
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["Authorization"] = "Bearer token",
                ["x-api-key"] = "client",
                ["x-gw-ims-org-id"] = "ORG@AdobeOrg",
                ["x-sandbox-name"] = "prod",
            };
            if (body != null)
            {
                headers["Content-Type"] = "application/json";
            }

            change?.Invoke(headers);
            return new EmulatorRequest(method, path, Array.Empty<KeyValuePair<string, string>>(), headers, body is null ? Array.Empty<byte>() : Encoding.UTF8.GetBytes(body));
        }

        /// <summary>The body as sent, with a Flow Service report's request id (the one in the header) shown as &lt;id&gt;.</summary>
        private static string BodyOf(EmulatorResponse answer) =>
            Encoding.UTF8.GetString(answer.Body).Replace("\"request-id\":\"" + answer.Headers["x-request-id"] + "\"", "\"request-id\":\"<id>\"");
    }
}
