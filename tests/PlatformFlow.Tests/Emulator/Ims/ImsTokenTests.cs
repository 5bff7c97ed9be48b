using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using PlatformFlow.Emulator.Engine;
using PlatformFlow.Tests.Support;
using Xunit;

namespace PlatformFlow.Tests.Emulator.Ims
{
    public sealed class ImsTokenTests
    {
        private const string ClientId = "ingest-client";
        private const string ClientSecret = "p8e-S3cr3t-Value";

        private static HttpClient Bare(EmulatorEngine engine) =>
            new HttpClient(new EmulatorHttpMessageHandler(engine)) { BaseAddress = new Uri("https://ims-na1.adobelogin.com") };

        private static Task<HttpResponseMessage> RequestTokenAsync(HttpClient client, string grantType = "client_credentials", string clientId = ClientId, string secret = ClientSecret, string? scope = "openid,AdobeID,read_organizations") =>
            client.PostAsync("/ims/token/v3", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = grantType,
                ["client_id"] = clientId,
                ["client_secret"] = secret,
                ["scope"] = scope ?? string.Empty,
            }));

        [Fact]
        public async Task Without_configured_credentials_any_client_gets_a_bearer_token_for_the_configured_lifetime()
        {
            var engine = new EmulatorEngine(new EmulatorOptions { TokenLifetime = TimeSpan.FromHours(2) });

            var token = await (await RequestTokenAsync(Bare(engine))).ExpectAsync(HttpStatusCode.OK);

            Assert.False(string.IsNullOrEmpty((string)token["access_token"]!));
            Assert.Equal("bearer", (string)token["token_type"]!);
            Assert.Equal(7200, (long)token["expires_in"]!);
            Assert.Equal(1, engine.Tokens.IssuedCount);
        }

        [Fact]
        public async Task With_credentials_the_issued_token_opens_the_platform_and_a_made_up_one_does_not()
        {
            var engine = new EmulatorEngine(new EmulatorOptions { Credentials = new EmulatorCredentials(ClientId, ClientSecret) });
            var token = (string)(await (await RequestTokenAsync(Bare(engine))).ExpectAsync(HttpStatusCode.OK))["access_token"]!;

            async Task<HttpStatusCode> ListWith(string bearer)
            {
                var request = new HttpRequestMessage(HttpMethod.Get, "/data/foundation/catalog/dataSets");
                request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + bearer);
                request.Headers.TryAddWithoutValidation("x-api-key", ClientId);
                request.Headers.TryAddWithoutValidation("x-gw-ims-org-id", PlatformTestClient.OrgId);
                request.Headers.TryAddWithoutValidation("x-sandbox-name", "prod");
                return (await Bare(engine).SendAsync(request)).StatusCode;
            }

            Assert.Equal(HttpStatusCode.OK, await ListWith(token));
            Assert.Equal(HttpStatusCode.Unauthorized, await ListWith("eyPF.not-issued"));
        }

        [Theory]
        [InlineData("authorization_code", ClientId, ClientSecret, HttpStatusCode.BadRequest, "unsupported_grant_type")]
        [InlineData("client_credentials", "someone-else", ClientSecret, HttpStatusCode.BadRequest, "invalid_client")]
        [InlineData("client_credentials", "", ClientSecret, HttpStatusCode.BadRequest, "invalid_client")]
        [InlineData("client_credentials", ClientId, "wrong-secret", HttpStatusCode.Unauthorized, "invalid_client")]
        public async Task A_bad_grant_or_credential_gets_the_ims_error_and_no_token(string grantType, string clientId, string secret, HttpStatusCode status, string error)
        {
            var engine = new EmulatorEngine(new EmulatorOptions { Credentials = new EmulatorCredentials(ClientId, ClientSecret) });

            var response = await RequestTokenAsync(Bare(engine), grantType, clientId, secret);
            var text = await response.Content.ReadAsStringAsync();
            var body = await response.ExpectAsync(status);

            Assert.Equal(error, (string)body["error"]!);
            Assert.False(string.IsNullOrEmpty((string)body["error_description"]!));
            Assert.DoesNotContain(secret, text);
            Assert.Equal(0, engine.Tokens.IssuedCount);
        }

        [Fact]
        public async Task A_missing_scope_is_an_invalid_scope_error()
        {
            var engine = new EmulatorEngine();

            var body = await (await RequestTokenAsync(Bare(engine), scope: null)).ExpectAsync(HttpStatusCode.BadRequest);

            Assert.Equal("invalid_scope", (string)body["error"]!);
        }

        [Fact]
        public async Task A_json_body_is_not_a_token_request()
        {
            var engine = new EmulatorEngine();

            var response = await Bare(engine).PostAsync("/ims/token/v3", new StringContent(@"{""grant_type"": ""client_credentials""}", Encoding.UTF8, "application/json"));

            Assert.Equal("invalid_request", (string)(await response.ExpectAsync(HttpStatusCode.BadRequest))["error"]!);
        }

        [Fact]
        public async Task The_token_endpoint_takes_only_post()
        {
            var engine = new EmulatorEngine();

            var response = await Bare(engine).GetAsync("/ims/token/v3");

            Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        }
    }
}
