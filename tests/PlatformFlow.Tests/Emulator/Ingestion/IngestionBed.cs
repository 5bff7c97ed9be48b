using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using PlatformFlow.Emulator.Engine;
using PlatformFlow.Tests.Emulator.FlowService;
using Xunit;
using static PlatformFlow.Tests.Emulator.FlowService.FlowServiceTestBed;

namespace PlatformFlow.Tests.Emulator.Ingestion
{
    /// <summary>A <see cref="FlowServiceTestBed"/> that builds once flows of any table, columns, mappings and options, and runs them to the end.</summary>
    public sealed class IngestionBed : IDisposable
    {
        public const string Export = "/data/foundation/export";
        public const string CatalogPath = "/data/foundation/catalog";

        private string? _connectionId;
        private string? _schemaId;
        private string? _dataSetId;
        private int _flows;

        public FlowServiceTestBed Bed { get; } = new FlowServiceTestBed();

        public string DataSetId => _dataSetId!;

        public string SchemaId => _schemaId!;

        public void Dispose() => Bed.Dispose();

        public async Task<string> CreateMappingSet(params (string Source, string Destination)[] mappings) =>
            (string)(await Bed.Post("/data/foundation/conversion/mappingSets", MappingSetBody(await Schema(), mappings))).Body!["id"]!;

        public static JsonObject MappingSetBody(string schemaId, params (string Source, string Destination)[] mappings) => new JsonObject
        {
            ["outputSchema"] = new JsonObject { ["schemaRef"] = new JsonObject { ["id"] = schemaId, ["contentType"] = "application/vnd.adobe.xed-full+json;version=1" } },
            ["mappings"] = new JsonArray(mappings.Select(m => (JsonNode)new JsonObject
            {
                ["sourceType"] = m.Source.StartsWith("=", StringComparison.Ordinal) ? "EXPRESSION" : "ATTRIBUTE",
                ["source"] = m.Source.TrimStart('='),
                ["destination"] = m.Destination,
            }).ToArray()),
        };

        /// <summary>A <c>once</c> flow (its one run reads every record) of the table through the mapping set, and its finished run.</summary>
        public async Task<JsonObject> RunOnce(string table, string mappingId, int mappingVersion = 0, string[]? columns = null, string? options = null)
        {
            var flowId = await CreateFlow(table, mappingId, mappingVersion, columns, options);
            Bed.Clock.Advance(new EmulatorOptions().RunQueuedFor + new EmulatorOptions().RunDuration);
            var runs = (await Bed.Get(Flow + "/runs?property=flowId==" + flowId)).Body!["items"]!.AsArray();
            return Assert.Single(runs)!.AsObject();
        }

        public async Task<string> CreateFlow(string table, string mappingId, int mappingVersion = 0, string[]? columns = null, string? options = null, string? schedule = null)
        {
            var answer = await PostFlow(table, mappingId, mappingVersion, columns, options, schedule);
            Assert.True(answer.Status == HttpStatusCode.Created, "flow: " + answer.Body?.ToJsonString());
            return (string)answer.Body!["id"]!;
        }

        public async Task<Answer> PostFlow(string table, string mappingId, int mappingVersion = 0, string[]? columns = null, string? options = null, string? schedule = null)
        {
            _connectionId ??= await Bed.Create(Flow + "/connections", ShopifyConnectionBody());
            var source = SourceConnectionBody(_connectionId, table);
            source["name"] = "source " + _flows;
            var parameters = (JsonObject)source["params"]!;
            parameters.Remove("columns");
            if (columns != null)
            {
                parameters["columns"] = new JsonArray(columns.Select(c => (JsonNode)new JsonObject { ["name"] = c, ["type"] = "string" }).ToArray());
            }

            var sourceId = await Bed.Create(Flow + "/sourceConnections", source);
            var target = TargetConnectionBody(await Schema(), _dataSetId!);
            target["name"] = "target " + _flows;
            var targetId = await Bed.Create(Flow + "/targetConnections", target);
            var flow = schedule is null ? FlowBody(sourceId, targetId, mappingId, name: "flow " + _flows++) : FlowBody(sourceId, targetId, mappingId, schedule, "flow " + _flows++);
            flow["transformations"]![0]!["params"]!["mappingVersion"] = mappingVersion;
            if (options != null)
            {
                flow["options"] = JsonNode.Parse(options);
            }

            return await Bed.Post(Flow + "/flows", flow);
        }

        public static string Status(JsonNode run) => (string)run["metrics"]!["statusSummary"]!["status"]!;

        public static long Count(JsonNode run, string name) => (long)run["metrics"]!["recordSummary"]![name]!;

        public static string BatchId(JsonNode run) =>
            (string)run["activities"]!.AsArray().SelectMany(a => (IEnumerable<JsonNode?>?)a!["targetInfo"]?.AsArray() ?? Array.Empty<JsonNode?>()).Single(t => (string)t!["type"]! == "Batch")!["id"]!;

        /// <summary>The row-error lines of a batch: its first row_errors file, parsed line by line.</summary>
        public async Task<JsonObject[]> RowErrors(string batchId)
        {
            var listing = (await Bed.Get(Export + "/batches/" + batchId + "/meta?path=row_errors")).Body!;
            var file = (string)listing["data"]![0]!["name"]!;
            var response = await Bed.Client.GetAsync(Export + "/batches/" + batchId + "/meta?path=" + file);
            var text = await response.Content.ReadAsStringAsync();
            return text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject()).ToArray();
        }

        private async Task<string> Schema()
        {
            if (_schemaId is null)
            {
                _schemaId = await Bed.CreateSchema();
                _dataSetId = await Bed.CreateDataSet(_schemaId);
            }

            return _schemaId;
        }
    }
}
