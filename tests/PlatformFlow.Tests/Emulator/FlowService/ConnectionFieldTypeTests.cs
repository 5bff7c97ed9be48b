using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;
using static PlatformFlow.Tests.Emulator.FlowService.FlowServiceTestBed;

namespace PlatformFlow.Tests.Emulator.FlowService
{
    /// <summary>
    /// The connection fields whose contract schemas say string (<c>params.dataSetId</c>, <c>data.format</c>, a column's
    /// <c>name</c> and <c>type</c>) refuse anything else, with the Flow Service error body, and store nothing: the spec
    /// check's loose types would otherwise take a number as its text (reliability probes, issue 21 item 9).
    /// </summary>
    public sealed class ConnectionFieldTypeTests
    {
        [Theory]
        [InlineData("-1")]
        [InlineData("true")]
        public async Task A_target_connections_dataSetId_is_a_string(string dataSetId)
        {
            using var bed = new FlowServiceTestBed();
            var schemaId = await bed.CreateSchema();
            var body = TargetConnectionBody(schemaId, await bed.CreateDataSet(schemaId));
            body["params"]!["dataSetId"] = JsonNode.Parse(dataSetId);

            var message = (await bed.Post(Flow + "/targetConnections", body)).AssertFlowError(HttpStatusCode.BadRequest, "1470-400");

            Assert.Contains("params.dataSetId must be a string", message);
            Assert.Empty((await bed.Get(Flow + "/targetConnections")).Body!["items"]!.AsArray());
        }

        [Theory]
        [InlineData("[]")]
        [InlineData("\"xyz\"")]
        [InlineData("5")]
        public async Task A_target_connections_data_format_is_one_of_the_formats(string format)
        {
            using var bed = new FlowServiceTestBed();
            var schemaId = await bed.CreateSchema();
            var body = TargetConnectionBody(schemaId, await bed.CreateDataSet(schemaId));
            body["data"]!["format"] = JsonNode.Parse(format);

            var message = (await bed.Post(Flow + "/targetConnections", body)).AssertFlowError(HttpStatusCode.BadRequest, "1470-400");

            Assert.Contains("data.format " + format + " is not one of parquet_xdm, tabular, delimited, json, parquet", message);
            Assert.Empty((await bed.Get(Flow + "/targetConnections")).Body!["items"]!.AsArray());
        }

        [Fact]
        public async Task A_source_connections_data_format_that_is_not_text_is_refused()
        {
            using var bed = new FlowServiceTestBed();
            var body = SourceConnectionBody(await bed.Create(Flow + "/connections", ShopifyConnectionBody()));
            body["data"]!["format"] = new JsonArray();

            Assert.Contains("data.format", (await bed.Post(Flow + "/sourceConnections", body)).AssertFlowError(HttpStatusCode.BadRequest, "1470-400"));
            Assert.Empty((await bed.Get(Flow + "/sourceConnections")).Body!["items"]!.AsArray());
        }

        [Theory]
        [InlineData("name", "1e-300", "params.columns[1].name must be a non-empty string, not 1e-300")]
        [InlineData("type", "5", "params.columns[1].type must be a string, not 5")]
        [InlineData("name", "\"\"", "params.columns[1].name must be a non-empty string")]
        public async Task A_column_name_and_type_are_strings(string field, string value, string expected)
        {
            using var bed = new FlowServiceTestBed();
            var body = SourceConnectionBody(await bed.Create(Flow + "/connections", ShopifyConnectionBody()));
            body["params"]!["columns"]![1]![field] = JsonNode.Parse(value);

            Assert.Contains(expected, (await bed.Post(Flow + "/sourceConnections", body)).AssertFlowError(HttpStatusCode.BadRequest, "1470-400"));
            Assert.Empty((await bed.Get(Flow + "/sourceConnections")).Body!["items"]!.AsArray());
        }
    }
}
