using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using PlatformFlow.Emulator.Engine;
using Xunit;

namespace PlatformFlow.Tests.Support
{
    /// <summary>An HttpClient on an emulator engine, in process, with the platform headers every call needs.</summary>
    public static class PlatformTestClient
    {
        public const string OrgId = "5B3E1A2C9F0D4E6B8A7C1D2E@AdobeOrg";
        public const string ApiKey = "platformflow-tests";

        public static HttpClient Create(EmulatorEngine engine, string sandbox = "prod")
        {
            var client = new HttpClient(new EmulatorHttpMessageHandler(engine)) { BaseAddress = new Uri("https://platform.adobe.io") };
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Bearer x");
            client.DefaultRequestHeaders.TryAddWithoutValidation("x-api-key", ApiKey);
            client.DefaultRequestHeaders.TryAddWithoutValidation("x-gw-ims-org-id", OrgId);
            client.DefaultRequestHeaders.TryAddWithoutValidation("x-sandbox-name", sandbox);
            return client;
        }

        public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, string json) =>
            client.SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") });

        public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string path, string json) =>
            client.SendAsync(new HttpRequestMessage(HttpMethod.Put, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") });

        /// <summary>A GET with an <c>Accept</c> header (the Schema Registry requires one), or none when null.</summary>
        public static Task<HttpResponseMessage> GetAsync(this HttpClient client, string path, string? accept)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (accept != null)
            {
                request.Headers.TryAddWithoutValidation("Accept", accept);
            }

            return client.SendAsync(request);
        }

        public static async Task<JsonNode> JsonAsync(this HttpResponseMessage response) =>
            JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        /// <summary>Asserts the status, then returns the JSON body.</summary>
        public static async Task<JsonNode> ExpectAsync(this HttpResponseMessage response, HttpStatusCode status)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == status, "Expected " + (int)status + " but got " + (int)response.StatusCode + ": " + body);
            return JsonNode.Parse(body)!;
        }

        /// <summary>Asserts a problem body <c>{type, status, title, detail}</c> whose type ends with <c>{prefix}-{code}</c>; returns the detail.</summary>
        public static async Task<string> ExpectProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string prefix, string code)
        {
            var body = await response.ExpectAsync(status);
            Assert.EndsWith("/" + prefix + "-" + code, (string)body["type"]!);
            Assert.Equal((int)status, (int)body["status"]!);
            Assert.False(string.IsNullOrEmpty((string?)body["title"]));
            return (string)body["detail"]!;
        }
    }
}
