using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using PlatformFlow.Emulator.Engine;
using PlatformFlow.Emulator.Host;
using PlatformFlow.Tests.Emulator.FlowService;
using PlatformFlow.Tests.Emulator.Ingestion;
using Xunit;

namespace PlatformFlow.Tests.Emulator.Host
{
    /// <summary>The standalone host serves what runs did (batches, row errors) and the planned-failure route, as in process.</summary>
    public sealed class IngestionOverHttpTests
    {
        [Fact]
        public async Task The_host_serves_batches_row_errors_and_planned_failures()
        {
            using var bed = new IngestionBed();
            var mappingId = await bed.CreateMappingSet(("Email", "personalEmail.address"));
            var flowId = await bed.CreateFlow("Shopify.Orders", mappingId);
            await using var server = await EmulatorServer.StartAsync(bed.Bed.Engine, 0);
            using var client = new HttpClient { BaseAddress = server.BaseAddress };
            FlowServiceTestBed.AddPlatformHeaders(client, "prod");

            // The flow's catch-up run is made by this first read, so the failure planned next applies to the run after it.
            var runId = (string)JsonNode.Parse(await client.GetStringAsync(FlowServiceTestBed.Flow + "/runs?property=flowId==" + flowId))!["items"]![0]!["id"]!;
            var planned = await client.PostAsync("/emulator/flows/" + flowId + "/plannedFailures", Json(@"{""code"": ""CONNECTOR-2001-500"", ""message"": ""Down.""}"));
            var onDemand = await client.PostAsync(FlowServiceTestBed.Flow + "/runs", Json(@"{""flowId"": """ + flowId + @""", ""params"": {""startTime"": 1, ""windowStartTime"": 1, ""windowEndTime"": 2}}"));
            bed.Bed.Clock.Advance(new EmulatorOptions().RunQueuedFor + new EmulatorOptions().RunDuration);
            var runs = JsonNode.Parse(await client.GetStringAsync(FlowServiceTestBed.Flow + "/runs?property=flowId==" + flowId))!["items"]!.AsArray();
            var run = runs.Single(r => (string)r!["id"]! == runId)!;
            var failed = runs.Single(r => (string)r!["id"]! != runId)!;
            var batches = JsonNode.Parse(await client.GetStringAsync(IngestionBed.CatalogPath + "/batches?dataSet=" + bed.DataSetId))!.AsObject();
            var rowErrors = await client.GetAsync(IngestionBed.Export + "/batches/" + IngestionBed.BatchId(run) + "/meta?path=row_errors/part-00000.json");

            Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (planned.StatusCode, onDemand.StatusCode));
            Assert.Equal("PARTIAL_SUCCESS", IngestionBed.Status(run));
            Assert.Equal(("FAILED", "CONNECTOR-2001-500"), (IngestionBed.Status(failed), (string)failed["metrics"]!["statusSummary"]!["errors"]![0]!["code"]!));
            Assert.Equal(IngestionBed.BatchId(run), Assert.Single(batches).Key);
            Assert.Equal("application/json", rowErrors.Content.Headers.ContentType!.MediaType);
            var lines = (await rowErrors.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(IngestionBed.Count(run, "failedRecordCount"), lines.Length);
            Assert.All(lines, l => Assert.Equal("INGEST-1401-400", (string)JsonNode.Parse(l)!["_errors"]![0]!["code"]!));
            Assert.True(rowErrors.Headers.Contains("x-request-id"));
        }

        private static StringContent Json(string body) => new StringContent(body, Encoding.UTF8, "application/json");
    }
}
