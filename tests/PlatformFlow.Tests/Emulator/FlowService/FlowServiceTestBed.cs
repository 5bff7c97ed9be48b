using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using PlatformFlow.Emulator.Engine;
using PlatformFlow.Tests.Support;
using Xunit;

namespace PlatformFlow.Tests.Emulator.FlowService
{
    /// <summary>
    /// An emulator on a manual clock with a client sending the four platform headers, and builders for the tutorial's
    /// resources (through the real Schema Registry, Catalog and Data Prep endpoints).
    /// </summary>
    public sealed class FlowServiceTestBed : IDisposable
    {
        public const string Flow = "/data/foundation/flowservice";
        public const string ShopifySpecId = "4f63aa36-bd48-4e33-bb83-49fbcd11c708";
        public const string DataLakeSpecId = "c604ff05-7f1a-43c0-8e18-33bf874cb11c";
        public const string CrmToAepId = "14518937-270c-4525-bdec-c2ba7cce3860";
        public const string AmazonS3SpecId = "ecadc60c-7455-4d87-84dc-2a0e293d997b";

        public FlowServiceTestBed(string sandbox = "prod")
        {
            Engine = new EmulatorEngine(new EmulatorOptions { Clock = Clock });
            Client = NewClient(Engine, sandbox);
        }

        public ManualTimeProvider Clock { get; } = new ManualTimeProvider(new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero));

        public EmulatorEngine Engine { get; }

        public HttpClient Client { get; }

        public long NowSeconds => Clock.GetUtcNow().ToUnixTimeSeconds();

        public static HttpClient NewClient(EmulatorEngine engine, string sandbox)
        {
            var client = new HttpClient(new EmulatorHttpMessageHandler(engine)) { BaseAddress = new Uri("https://platform.adobe.io") };
            AddPlatformHeaders(client, sandbox);
            return client;
        }

        public static void AddPlatformHeaders(HttpClient client, string sandbox)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "test-token");
            client.DefaultRequestHeaders.Add("x-api-key", "test-client");
            client.DefaultRequestHeaders.Add("x-gw-ims-org-id", "TEST0000000000000000@AdobeOrg");
            client.DefaultRequestHeaders.Add("x-sandbox-name", sandbox);
        }

        public void Dispose() => Client.Dispose();

        public async Task<Answer> Send(HttpMethod method, string path, string? json = null, string? ifMatch = null)
        {
            using (var request = new HttpRequestMessage(method, path))
            {
                if (json != null)
                {
                    request.Content = new StringContent(json, Encoding.UTF8, "application/json");
                }

                if (ifMatch != null)
                {
                    request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
                }

                using (var response = await Client.SendAsync(request))
                {
                    var text = await response.Content.ReadAsStringAsync();
                    return new Answer(response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text), response.Headers.ETag?.Tag);
                }
            }
        }

        public Task<Answer> Get(string path) => Send(HttpMethod.Get, path);

        public Task<Answer> Post(string path, JsonNode body) => Send(HttpMethod.Post, path, body.ToJsonString());

        public Task<Answer> Patch(string path, JsonNode patch, string? ifMatch) => Send(HttpMethod.Patch, path, patch.ToJsonString(), ifMatch);

        public Task<Answer> Delete(string path) => Send(HttpMethod.Delete, path);

        /// <summary>POSTs and returns the new id, failing the test unless the answer is 201 {id, etag}.</summary>
        public async Task<string> Create(string path, JsonNode body)
        {
            var answer = await Post(path, body);
            Assert.True(answer.Status == HttpStatusCode.Created, path + " answered " + answer.Status + ": " + answer.Body?.ToJsonString());
            return (string)answer.Body!["id"]!;
        }

        public static JsonObject ShopifyConnectionBody(string name = "Shopify base connection") => Json(@"{
            ""name"": """ + name + @""",
            ""auth"": { ""specName"": ""Basic Authentication"", ""params"": { ""host"": ""acme.myshopify.com"", ""accessToken"": ""shpat_secret"" } },
            ""connectionSpec"": { ""id"": """ + ShopifySpecId + @""", ""version"": ""1.0"" } }");

        /// <summary>The Korean tutorial's source connection (without its trailing comma).</summary>
        public static JsonObject SourceConnectionBody(string baseConnectionId, string table = "Shopify.Orders") => Json(@"{
            ""name"": ""Shopify source connection"",
            ""baseConnectionId"": """ + baseConnectionId + @""",
            ""description"": ""Shopify source connection"",
            ""data"": { ""format"": ""tabular"" },
            ""params"": { ""tableName"": """ + table + @""", ""columns"": [ { ""name"": ""Email"", ""type"": ""string"" }, { ""name"": ""Phone"", ""type"": ""string"" } ] },
            ""connectionSpec"": { ""id"": """ + ShopifySpecId + @""", ""version"": ""1.0"" } }");

        public static JsonObject TargetConnectionBody(string schemaId, string dataSetId) => Json(@"{
            ""name"": ""Shopify target connection"",
            ""description"": ""Shopify target connection"",
            ""data"": { ""format"": ""parquet_xdm"", ""schema"": { ""id"": """ + schemaId + @""", ""version"": ""application/vnd.adobe.xed-full-notext+json; version=1"" } },
            ""params"": { ""dataSetId"": """ + dataSetId + @""" },
            ""connectionSpec"": { ""id"": """ + DataLakeSpecId + @""", ""version"": ""1.0"" } }");

        /// <summary>The Korean tutorial's flow: startTime as a string, mappingVersion as a number.</summary>
        public static JsonObject FlowBody(string sourceId, string targetId, string mappingId, string schedule = @"{ ""startTime"": ""1604961070"", ""frequency"": ""once"" }", string name = "Test Shopify dataflow") => Json(@"{
            ""name"": """ + name + @""",
            ""description"": ""Shopify With mapping ingestion"",
            ""flowSpec"": { ""id"": """ + CrmToAepId + @""", ""version"": ""1.0"" },
            ""sourceConnectionIds"": [ """ + sourceId + @""" ],
            ""targetConnectionIds"": [ """ + targetId + @""" ],
            ""transformations"": [ { ""name"": ""Mapping"", ""params"": { ""mappingId"": """ + mappingId + @""", ""mappingVersion"": 0 } } ],
            ""scheduleParams"": " + schedule + " }");

        public static JsonObject Json(string text) => JsonNode.Parse(text)!.AsObject();

        public async Task<string> CreateSchema(string title = "Test Shopify schema")
        {
            var answer = await Post("/data/foundation/schemaregistry/tenant/schemas", Json(@"{
                ""type"": ""object"", ""title"": """ + title + @""", ""description"": """",
                ""allOf"": [ { ""$ref"": ""https://ns.adobe.com/xdm/context/profile"" }, { ""$ref"": ""https://ns.adobe.com/xdm/context/profile-person-details"" },
                             { ""$ref"": ""https://ns.adobe.com/xdm/context/profile-personal-details"" } ],
                ""meta:containerId"": ""tenant"", ""meta:resourceType"": ""schemas"", ""meta:xdmType"": ""object"",
                ""meta:class"": ""https://ns.adobe.com/xdm/context/profile"" }"));
            Assert.True(answer.Status == HttpStatusCode.Created, "schema: " + answer.Status + " " + answer.Body?.ToJsonString());
            return (string)answer.Body!["$id"]!;
        }

        public async Task<string> CreateDataSet(string schemaId)
        {
            var answer = await Post("/data/foundation/catalog/dataSets", Json(@"{ ""name"": ""Test Shopify Target Dataset"",
                ""schemaRef"": { ""id"": """ + schemaId + @""", ""contentType"": ""application/vnd.adobe.xed-full-notext+json; version=1"" } }"));
            Assert.True(answer.Status == HttpStatusCode.Created, "dataset: " + answer.Status + " " + answer.Body?.ToJsonString());
            return ((string)answer.Body![0]!).Split('/').Last();
        }

        public async Task<string> CreateMappingSet(string schemaId)
        {
            var answer = await Post("/data/foundation/conversion/mappingSets", Json(@"{ ""version"": 0, ""xdmSchema"": """ + schemaId + @""", ""xdmVersion"": ""1.0"", ""id"": null,
                ""mappings"": [ { ""destinationXdmPath"": ""personalEmail.address"", ""sourceAttribute"": ""Email"", ""identity"": false, ""version"": 0 },
                                { ""destinationXdmPath"": ""mobilePhone.number"", ""sourceAttribute"": ""Shipping_Address_Phone"", ""identity"": false, ""version"": 0 } ] }"));
            Assert.True(answer.Status == HttpStatusCode.OK || answer.Status == HttpStatusCode.Created, "mapping set: " + answer.Status + " " + answer.Body?.ToJsonString());
            return (string)answer.Body!["id"]!;
        }

        /// <summary>Everything a flow needs, created the tutorial's way.</summary>
        public async Task<Pipeline> CreatePipeline()
        {
            var connectionId = await Create(Flow + "/connections", ShopifyConnectionBody());
            var sourceId = await Create(Flow + "/sourceConnections", SourceConnectionBody(connectionId));
            var schemaId = await CreateSchema();
            var dataSetId = await CreateDataSet(schemaId);
            var targetId = await Create(Flow + "/targetConnections", TargetConnectionBody(schemaId, dataSetId));
            var mappingId = await CreateMappingSet(schemaId);
            return new Pipeline(connectionId, sourceId, schemaId, dataSetId, targetId, mappingId);
        }

        public async Task<string> CreateFlow(Pipeline pipeline, string schedule = @"{ ""startTime"": ""1604961070"", ""frequency"": ""once"" }", string name = "Test Shopify dataflow") =>
            await Create(Flow + "/flows", FlowBody(pipeline.SourceId, pipeline.TargetId, pipeline.MappingId, schedule, name));

        /// <summary>The single item of a GET by id (the platform answers <c>{items: [resource]}</c>).</summary>
        public async Task<JsonObject> GetItem(string path)
        {
            var answer = await Get(path);
            Assert.True(answer.Status == HttpStatusCode.OK, path + " answered " + answer.Status + ": " + answer.Body?.ToJsonString());
            return answer.Body!["items"]![0]!.AsObject();
        }
    }

    public sealed class Pipeline
    {
        public Pipeline(string connectionId, string sourceId, string schemaId, string dataSetId, string targetId, string mappingId)
        {
            ConnectionId = connectionId;
            SourceId = sourceId;
            SchemaId = schemaId;
            DataSetId = dataSetId;
            TargetId = targetId;
            MappingId = mappingId;
        }

        public string ConnectionId { get; }

        public string SourceId { get; }

        public string SchemaId { get; }

        public string DataSetId { get; }

        public string TargetId { get; }

        public string MappingId { get; }
    }

    public sealed class Answer
    {
        public Answer(HttpStatusCode status, JsonNode? body, string? etagHeader)
        {
            Status = status;
            Body = body;
            ETagHeader = etagHeader;
        }

        public HttpStatusCode Status { get; }

        public JsonNode? Body { get; }

        public string? ETagHeader { get; }

        /// <summary>The platform error code at the end of a Flow Service error <c>type</c>, e.g. <c>1439-404</c>.</summary>
        public string? FlowErrorCode
        {
            get
            {
                var type = (string?)Body?["type"];
                return type is null ? null : type.Substring(type.IndexOf("FLOW-", StringComparison.Ordinal) + 5);
            }
        }

        public string Message => (string?)Body?["report"]?["detailed-message"] ?? Body?.ToJsonString() ?? string.Empty;

        /// <summary>Asserts a Flow Service error with this status and code, and returns its message.</summary>
        public string AssertFlowError(HttpStatusCode status, string code)
        {
            Assert.True(status == Status && code == FlowErrorCode, "expected " + (int)status + " " + code + ", got " + (int)Status + ": " + Body?.ToJsonString());
            return Message;
        }
    }
}
