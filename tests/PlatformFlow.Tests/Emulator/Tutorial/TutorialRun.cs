using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using PlatformFlow.Emulator.Engine;
using Xunit;

namespace PlatformFlow.Tests.Emulator.Tutorial
{
    /// <summary>
    /// Replays one tutorial edition against an emulator: placeholders filled, example ids swapped for the ids the emulator
    /// returned in earlier steps, each answer checked against the documented status and response shape.
    /// </summary>
    public sealed class TutorialRun
    {
        public const string ClientId = "tutorial-client";
        public const string ClientSecret = "tutorial-secret";
        public const string OrgId = "7DC732555AECDB4C0A494036@AdobeOrg";
        public const string Sandbox = "prod";

        /// <summary>The base connection the tutorials take as given (created first, as a prerequisite).</summary>
        public const string ExampleBaseConnectionId = "582f4f8d-71e9-4a5c-a164-9d2056318d6c";

        /// <summary>The status the platform answers each documented operation with (Flow Service, Schema Registry and Catalog create with 201, Data Prep with 200).</summary>
        private static readonly Dictionary<string, HttpStatusCode> DocumentedStatus = new Dictionary<string, HttpStatusCode>
        {
            ["POST /sourceConnections"] = HttpStatusCode.Created,
            ["POST /tenant/schemas"] = HttpStatusCode.Created,
            ["POST /dataSets"] = HttpStatusCode.Created,
            ["POST /targetConnections"] = HttpStatusCode.Created,
            ["POST /mappingSets"] = HttpStatusCode.OK,
            ["GET /flowSpecs"] = HttpStatusCode.OK,
            ["POST /flows"] = HttpStatusCode.Created,
        };

        private static readonly string[] IdKeys = { "id", "$id", "meta:altId" };

        private readonly HttpClient _http;
        private readonly string _tenantId;
        private readonly bool _authoritative;
        private readonly List<KeyValuePair<string, string>> _ids = new List<KeyValuePair<string, string>>();
        private readonly List<(Regex Pattern, string Actual)> _schemaIds = new List<(Regex, string)>();
        private string _token = string.Empty;

        /// <param name="http">A client whose base address is the emulator (in process or over HTTP).</param>
        /// <param name="tenantId">The emulator's tenant, for <c>{TENANT_ID}</c>.</param>
        /// <param name="authoritative">
        /// True for the newer edition: its JSON Schemas (a flow spec's <c>spec</c> objects) are compared key by key too. The
        /// older edition's differ where the newer one corrected them (e.g. its schedule without <c>once</c>), so only the
        /// response structure around them is compared.
        /// </param>
        public TutorialRun(HttpClient http, string tenantId, bool authoritative)
        {
            _http = http;
            _tenantId = tenantId;
            _authoritative = authoritative;
        }

        /// <summary>The operations whose curl forgot the Authorization header (the run adds it).</summary>
        public List<string> SentWithoutAuthorization { get; } = new List<string>();

        /// <summary>The operations whose body was not valid JSON (each got a 400 naming the defect's line).</summary>
        public List<string> MalformedBodies { get; } = new List<string>();

        /// <summary>The operations whose curl used a path the platform does not serve (each got a 404).</summary>
        public List<string> UnservedPaths { get; } = new List<string>();

        /// <summary>Documented response keys the newer edition renamed, as "old -> new", where the answer has the new one.</summary>
        public List<string> RenamedKeys { get; } = new List<string>();

        /// <summary>Operations whose documented response is the list's item rather than the list (the newer edition's flow spec).</summary>
        public List<string> DocumentedAsItem { get; } = new List<string>();

        /// <summary>Keys the older edition prints that the newer one renamed.</summary>
        private static readonly Dictionary<string, string> NewerKeyNames = new Dictionary<string, string> { ["transformationSpecs"] = "transformationSpec" };

        public static EmulatorOptions Options(string tenantId) =>
            new EmulatorOptions { TenantId = tenantId, Credentials = new EmulatorCredentials(ClientId, ClientSecret) };

        /// <summary>Gets a token from the IMS endpoint, as a real client would.</summary>
        public async Task SignInAsync()
        {
            var response = await _http.PostAsync("/ims/token/v3", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = ClientId,
                ["client_secret"] = ClientSecret,
                ["scope"] = "openid,AdobeID,read_organizations",
            }));
            _token = (string)(await ExpectAsync(response, HttpStatusCode.OK, "IMS token"))["access_token"]!;
        }

        /// <summary>Creates the Shopify base connection the tutorials start from and maps the example id to it.</summary>
        public async Task CreateBaseConnectionAsync()
        {
            var connection = await SendAsync(HttpMethod.Post, "/data/foundation/flowservice/connections", HttpStatusCode.Created, @"{
                ""name"": ""Shopify base connection"",
                ""auth"": {""specName"": ""Basic Authentication"", ""params"": {""host"": ""https://example.myshopify.com"", ""accessToken"": ""shpat_example""}},
                ""connectionSpec"": {""id"": ""4f63aa36-bd48-4e33-bb83-49fbcd11c708"", ""version"": ""1.0""}}");
            MapId(ExampleBaseConnectionId, (string)connection["id"]!);
        }

        /// <summary>Maps an example id the tutorial uses without creating it (the newer edition links out for the schema and dataset).</summary>
        public void MapId(string example, string actual)
        {
            example = FillPlaceholders(example);
            _ids.Add(new KeyValuePair<string, string>(example, actual));
            var schema = Regex.Match(example, "^https://ns\\.adobe\\.com/[^/]+/schemas/([0-9a-f]+)$");
            if (schema.Success)
            {
                // The older edition names the same schema under a staging tenant in later steps.
                _schemaIds.Add((new Regex("https://ns\\.adobe\\.com/[A-Za-z0-9_]+/schemas/" + schema.Groups[1].Value), actual));
            }
        }

        /// <summary>A call outside the tutorial's own steps (its prerequisites), with the platform headers.</summary>
        public async Task<JsonNode> SendAsync(HttpMethod method, string path, HttpStatusCode expected, string? body)
        {
            var request = new HttpRequestMessage(method, path);
            AddPlatformHeaders(request);
            if (body != null)
            {
                request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            }

            return await ExpectAsync(await _http.SendAsync(request), expected, method + " " + path);
        }

        /// <summary>
        /// Runs one step: the curl as documented (a malformed body must get a 400 naming its line, then the minimally fixed
        /// body is sent; a path the platform lacks must get a 404, then the "API format" path is used), then checks the answer.
        /// </summary>
        public async Task<JsonNode> RunAsync(TutorialStep step)
        {
            var url = Rewrite(step.Curl.Url);
            var body = step.Curl.Body is null ? null : Rewrite(step.Curl.Body);
            var response = await SendCurlAsync(step, url, body);

            if (body != null && !IsStrictJson(body))
            {
                var detail = await ExpectAsync(response, HttpStatusCode.BadRequest, step + " (malformed body)");
                MalformedBodies.Add(step.Operation);
                Assert.Contains("line " + DefectLine(body), detail.ToJsonString());
                body = FixMinimally(body);
                response = await SendCurlAsync(step, url, body);
            }

            var documentedPath = step.Operation.Substring(step.Operation.IndexOf(' ') + 1);
            if (response.StatusCode == HttpStatusCode.NotFound && !new Uri(url).AbsolutePath.EndsWith(documentedPath, StringComparison.Ordinal))
            {
                UnservedPaths.Add(step.Operation);
                var path = new Uri(url).AbsolutePath;
                url = new Uri(new Uri(url), path.Substring(0, path.LastIndexOf('/')) + documentedPath).ToString();
                response = await SendCurlAsync(step, url, body);
            }

            var actual = await ExpectAsync(response, DocumentedStatus[step.Operation], step.ToString());
            var documented = JsonNode.Parse(FillPlaceholders(step.DocumentedResponse!))!;
            CheckShape(step, documented, actual);
            return actual;
        }

        private async Task<HttpResponseMessage> SendCurlAsync(TutorialStep step, string url, string? body)
        {
            var request = new HttpRequestMessage(new HttpMethod(step.Curl.Method), new Uri(_http.BaseAddress!, new Uri(url).PathAndQuery));
            foreach (var header in step.Curl.Headers.Where(h => !string.Equals(h.Key, "Content-Type", StringComparison.OrdinalIgnoreCase)))
            {
                request.Headers.TryAddWithoutValidation(header.Key, FillPlaceholders(header.Value));
            }

            if (step.Curl.Header("Authorization") is null)
            {
                if (!SentWithoutAuthorization.Contains(step.Operation))
                {
                    SentWithoutAuthorization.Add(step.Operation);
                }

                request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + _token);
            }

            if (body != null)
            {
                request.Content = new StringContent(body, Encoding.UTF8);
                request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(step.Curl.Header("Content-Type") ?? "application/json");
            }

            return await _http.SendAsync(request);
        }

        /// <summary>Same keys as documented (recursively through objects); created ids are new ones, and are remembered for later steps.</summary>
        private void CheckShape(TutorialStep step, JsonNode documented, JsonNode actual)
        {
            if (documented is JsonArray references)
            {
                var created = actual.AsArray();
                Assert.Equal(references.Count, created.Count);
                for (var i = 0; i < references.Count; i++)
                {
                    Assert.Matches("^@/dataSets/[0-9a-f]{24}$", (string)created[i]!);
                    MapId(((string)references[i]!).Substring("@/dataSets/".Length), ((string)created[i]!).Substring("@/dataSets/".Length));
                }

                return;
            }

            if (documented["items"] is null && actual["items"] is JsonArray listed)
            {
                DocumentedAsItem.Add(step.Operation);
                actual = listed.FirstOrDefault() ?? throw new Xunit.Sdk.XunitException(step + ": the list is empty.");
            }

            var creates = step.Curl.Method == "POST";
            CheckKeys(step.ToString(), documented.AsObject(), actual.AsObject());
            foreach (var key in IdKeys.Where(k => documented[k] is JsonValue && actual[k] is JsonValue))
            {
                var example = (string)documented[key]!;
                var real = (string)actual[key]!;
                if (creates)
                {
                    Assert.NotEqual(example, real);
                    MapId(example, real);
                }
                else
                {
                    Assert.Equal(example, real);
                }
            }
        }

        private void CheckKeys(string where, JsonObject documented, JsonObject actual)
        {
            foreach (var field in documented)
            {
                var key = field.Key;
                if (!actual.ContainsKey(key) && NewerKeyNames.TryGetValue(key, out var renamed) && actual.ContainsKey(renamed))
                {
                    RenamedKeys.Add(key + " -> " + renamed);
                    key = renamed;
                }

                Assert.True(actual.ContainsKey(key), where + ": the answer lacks the documented key '" + key + "'. Answer: " + actual.ToJsonString());
                if (key == "spec" && !_authoritative)
                {
                    continue;
                }

                if (field.Value is JsonObject nested && actual[key] is JsonObject nestedActual)
                {
                    CheckKeys(where + " > " + key, nested, nestedActual);
                }
                else if (field.Value is JsonArray items && items.FirstOrDefault() is JsonObject first && actual[key] is JsonArray actualItems && actualItems.FirstOrDefault() is JsonObject actualFirst)
                {
                    CheckKeys(where + " > " + key + "[0]", first, actualFirst);
                }
            }
        }

        private string Rewrite(string text)
        {
            text = FillPlaceholders(text);
            foreach (var id in _ids)
            {
                text = text.Replace(id.Key, id.Value);
            }

            foreach (var (pattern, actual) in _schemaIds)
            {
                text = pattern.Replace(text, actual);
            }

            return text;
        }

        private string FillPlaceholders(string text) => text
            .Replace("{ACCESS_TOKEN}", _token)
            .Replace("{API_KEY}", ClientId)
            .Replace("{ORG_ID}", OrgId)
            .Replace("{IMS_ORG}", OrgId)
            .Replace("{SANDBOX_NAME}", Sandbox)
            .Replace("{TENANT_ID}", _tenantId);

        private void AddPlatformHeaders(HttpRequestMessage request)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + _token);
            request.Headers.TryAddWithoutValidation("x-api-key", ClientId);
            request.Headers.TryAddWithoutValidation("x-gw-ims-org-id", OrgId);
            request.Headers.TryAddWithoutValidation("x-sandbox-name", Sandbox);
        }

        private static async Task<JsonNode> ExpectAsync(HttpResponseMessage response, HttpStatusCode status, string what)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == status, what + ": expected " + (int)status + ", got " + (int)response.StatusCode + ": " + text);
            return JsonNode.Parse(text)!;
        }

        private static bool IsStrictJson(string body)
        {
            try
            {
                using (JsonDocument.Parse(body))
                {
                    return true;
                }
            }
            catch (JsonException)
            {
                return false;
            }
        }

        // The two defects the editions hold: a comma before a closing bracket, and a doubled opening brace.
        private static readonly Regex TrailingComma = new Regex(",(?=\\s*[\\]}])");
        private static readonly Regex DoubledBrace = new Regex("^\\s*\\{(?=\\s*\\{)");

        /// <summary>The 1-based line of the character a strict parser stops at.</summary>
        private static int DefectLine(string body)
        {
            var comma = TrailingComma.Match(body);
            var at = comma.Success ? body.IndexOfAny(new[] { ']', '}' }, comma.Index) : body.IndexOf('{', DoubledBrace.Match(body).Length);
            return body.Substring(0, at).Count(c => c == '\n') + 1;
        }

        private static string FixMinimally(string body)
        {
            var fixedBody = DoubledBrace.Replace(TrailingComma.Replace(body, string.Empty), string.Empty);
            Assert.True(IsStrictJson(fixedBody), "The body has a defect other than a trailing comma or a doubled brace: " + body);
            return fixedBody;
        }
    }
}
