using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using PlatformFlow.JsonSchema;
using PlatformFlow.Tests.Support;
using Xunit;
using static PlatformFlow.Tests.Emulator.Ingestion.IngestionBed;

namespace PlatformFlow.Tests.Emulator.Ingestion
{
    /// <summary>The emulator's Catalog batch and Data Access answers against the response schemas of the contract's OpenAPI files.</summary>
    public sealed class ContractSchemaTests
    {
        private static readonly JsonNode Catalog = YamlSubset.Parse(File.ReadAllText(ContractFiles.PathOf("openapi", "catalog.yaml")))!;
        private static readonly JsonNode DataAccess = YamlSubset.Parse(File.ReadAllText(ContractFiles.PathOf("openapi", "data-access.yaml")))!;

        [Fact]
        public async Task Catalog_batches_and_Data_Access_answers_validate_against_the_contracts_response_schemas()
        {
            using var bed = new IngestionBed();
            var mappingId = await bed.CreateMappingSet(("Email", "personalEmail.address"));
            var batchId = BatchId(await bed.RunOnce("Shopify.Orders", mappingId));

            var answers = new (JsonNode Document, string Path, string Url)[]
            {
                (Catalog, "/batches", CatalogPath + "/batches?dataSet=" + bed.DataSetId),
                (Catalog, "/batches/{BATCH_ID}", CatalogPath + "/batches/" + batchId),
                (DataAccess, "/batches/{batchId}/files", Export + "/batches/" + batchId + "/files"),
                (DataAccess, "/batches/{batchId}/failed", Export + "/batches/" + batchId + "/failed"),
                (DataAccess, "/batches/{batchId}/meta", Export + "/batches/" + batchId + "/meta?path=row_errors"),
                (DataAccess, "/datasets/{id}/preview", Export + "/datasets/" + bed.DataSetId + "/preview"),
            };

            foreach (var (document, path, url) in answers)
            {
                var answer = (await bed.Bed.Get(url)).Body!;
                Assert.True(answer is JsonObject shown && shown.Count > 0, url + " answered nothing to check");
                var errors = JsonSchemaEvaluator.Validate(ResponseSchema(document, path), answer).Errors;
                Assert.True(errors.Count == 0, url + ": " + string.Join("; ", errors.Select(e => e.Message)));
            }
        }

        [Fact]
        public void The_schemas_read_from_the_contract_refuse_answers_of_the_wrong_shape()
        {
            var batch = JsonNode.Parse(@"{""01ABC"": {""status"": ""bogus"", ""created"": ""yesterday"", ""relatedObjects"": [{""type"": ""dataSet"", ""id"": 5}]}}");
            var files = JsonNode.Parse(@"{""data"": [{""dataSetFileId"": 1, ""records"": 1000, ""isValid"": ""yes""}], ""_page"": {""count"": ""one""}}");

            var batchErrors = JsonSchemaEvaluator.Validate(ResponseSchema(Catalog, "/batches"), batch).Errors.Select(e => e.InstancePath);
            var fileErrors = JsonSchemaEvaluator.Validate(ResponseSchema(DataAccess, "/batches/{batchId}/files"), files).Errors.Select(e => e.InstancePath);

            Assert.Equal(new[] { "/01ABC/created", "/01ABC/relatedObjects/0/id", "/01ABC/status" }, batchErrors.OrderBy(p => p, System.StringComparer.Ordinal));
            Assert.Equal(new[] { "/_page/count", "/data/0/dataSetFileId", "/data/0/isValid", "/data/0/records" }, fileErrors.OrderBy(p => p, System.StringComparer.Ordinal));
        }

        /// <summary>The 200 answer's JSON schema of GET <paramref name="path"/>, its <c>#/components/...</c> references resolvable.</summary>
        private static JsonObject ResponseSchema(JsonNode document, string path)
        {
            var schema = document["paths"]![path]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!;
            return new JsonObject { ["components"] = document["components"]!.DeepClone(), ["allOf"] = new JsonArray(schema.DeepClone()) };
        }
    }
}
