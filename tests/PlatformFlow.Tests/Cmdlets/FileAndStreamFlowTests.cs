using System;
using System.Collections;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using PlatformFlow.Client.Errors;
using PlatformFlow.Client.Inputs;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Operations;
using PlatformFlow.Tests.Support;
using Xunit;
using static PlatformFlow.Tests.Support.FlowBuilder;

namespace PlatformFlow.Tests.Cmdlets
{
    /// <summary>The operations behind Get-SourceFile, New-SourceConnection on files, Get-FlowSpec and New-Dataflow for streams, and Send-StreamingRecord.</summary>
    public sealed class FileAndStreamFlowTests : IDisposable
    {
        private const string LandingZoneSpecId = "26f526f2-58f4-4712-961d-e41bf1ccc0e8";
        private const string StreamingWithMappingId = "c1a19761-d2c7-4702-b9fa-fe91f0613e81";
        private const string CustomersFile = "/acme/customers/customers.csv";

        private readonly TestPlatform _platform = new TestPlatform();

        public void Dispose() => _platform.Dispose();

        [Fact]
        public async Task Get_SourceFile_lists_every_file_under_the_folders_each_carrying_its_base_connection()
        {
            var bucket = await BucketAsync();
            var host = new RecordingHost();

            await new GetSourceFileOperation(_platform.Client).RunAsync(new SourceFileQuery { BaseConnectionId = bucket.Id }, host);

            host.AssertNoErrors();
            Assert.Equal(new[] { CustomersFile, "/acme/orders/orders-2026-12.json", "/acme/products/products.parquet" }, host.Objects.Select(o => ((ExploreItem)o.Value).Path));
            Assert.All(host.Objects, o => Assert.Contains("BaseConnectionId=" + bucket.Id, o.PipelineProperties.Select(p => p.Key + "=" + p.Value)));
        }

        [Fact]
        public async Task Get_SourceFile_describes_a_landing_zone_file_by_its_connection_spec_in_the_format_its_extension_says()
        {
            var file = await OnlyAsync<SourceFile>(host => new GetSourceFileOperation(_platform.Client).RunAsync(
                new SourceFileQuery { ConnectionSpec = "landing-zone", Path = "/acme/orders/orders-2026-12.json", Preview = true }, host));

            Assert.Null(file.BaseConnectionId);
            Assert.Equal(LandingZoneSpecId, file.ConnectionSpecId);
            Assert.Equal("json", file.Format);
            Assert.Contains("Email", file.Columns.Select(c => c.Name));
            Assert.NotEmpty(file.Preview!);
        }

        [Fact]
        public async Task Get_SourceFile_names_the_files_there_are_when_the_file_is_not_there()
        {
            var bucket = await BucketAsync();
            var host = new RecordingHost();

            await new GetSourceFileOperation(_platform.Client).RunAsync(new SourceFileQuery { BaseConnectionId = bucket.Id, Path = "/acme/customers/customer.csv" }, host);

            var error = Assert.Single(host.Errors);
            Assert.IsType<ResourceNotFoundException>(error.Exception);
            Assert.Contains(CustomersFile, error.Message);
        }

        [Theory]
        [InlineData(null, ";", null, "ColumnDelimiter and Compression are for a file (Path), not a table")]
        [InlineData(CustomersFile, ";", "json", "ColumnDelimiter: a json file has no column delimiter")]
        public async Task New_SourceConnection_refuses_a_delimiter_where_there_is_none_before_sending(string? path, string delimiter, string? format, string problem)
        {
            var bucket = await BucketAsync();
            var writes = _platform.Engine.Journal.Writes;
            var host = new RecordingHost();

            await new NewSourceConnectionOperation(_platform.Client).RunAsync(new SourceConnectionInput
            {
                FlowName = "Delimited",
                BaseConnectionId = bucket.Id,
                TableName = path is null ? "Shopify.Orders" : null,
                Path = path,
                Format = format,
                ColumnDelimiter = delimiter,
            }, host);

            Assert.Contains(problem, Assert.Single(host.Errors).Message);
            Assert.Equal(writes, _platform.Engine.Journal.Writes);
        }

        [Fact]
        public async Task New_SourceConnection_sends_a_files_delimiter_and_compression_and_reads_the_landing_zone_without_a_base_connection()
        {
            var source = await OnlyAsync<SourceConnection>(host => new NewSourceConnectionOperation(_platform.Client).RunAsync(
                new SourceConnectionInput { FlowName = "Dropped", ConnectionSpecId = LandingZoneSpecId, Path = CustomersFile, ColumnDelimiter = ";", Compression = "gzip" }, host));

            var stored = await _platform.Client.FlowService.SourceConnections.GetAsync(source.Id);
            Assert.Null(stored.BaseConnectionId);
            Assert.Equal("delimited", stored.Data!.Format);
            Assert.Equal(";", stored.Data.Properties!.ColumnDelimiter);
            Assert.Equal("gzip", stored.Data.Properties.CompressionType);
        }

        [Fact]
        public async Task A_streaming_pipeline_picks_the_spec_that_maps_creates_the_flow_without_a_schedule_and_streams_records_into_its_run()
        {
            var (flowId, _) = await StreamingFlowAsync();
            var host = new RecordingHost();

            await new SendStreamingRecordOperation(_platform.Client).RunAsync(new StreamingBatchInput
            {
                FlowId = flowId,
                Records = new[] { new StreamedRecord(new JsonObject { ["email"] = "mia@example.com" }, "row 1"), new StreamedRecord(new JsonObject(), "row 2") },
                SentBefore = 10,
            }, host);

            var flow = await _platform.Client.FlowService.Flows.GetAsync(flowId);
            Assert.Equal(StreamingWithMappingId, flow.FlowSpec!.Id);
            Assert.Null(flow.ScheduleParams);
            var result = host.Single<StreamingBatchResult>();
            Assert.Equal((2, 1, 1), (result.RecordsSent, result.RecordsAccepted, result.RecordsRejected));
            var refused = Assert.Single(host.Errors);
            Assert.Equal(("StreamingRecordRejected", (object?)"row 2"), (refused.ErrorId, refused.Target));
            Assert.Contains("record 12", refused.Message);
            Assert.Equal("12 records sent to flow " + flowId, Assert.Single(host.Progress).Status);
        }

        [Fact]
        public async Task Send_StreamingRecord_under_WhatIf_reads_the_inlet_and_sends_nothing()
        {
            var (flowId, _) = await StreamingFlowAsync();
            var writes = _platform.Engine.Journal.Writes;
            var host = new RecordingHost(ChangeDecision.WhatIf);

            await new SendStreamingRecordOperation(_platform.Client).RunAsync(new StreamingBatchInput
            {
                FlowId = flowId,
                Records = new[] { new StreamedRecord(new JsonObject { ["email"] = "mia@example.com" }, "row 1") },
            }, host);

            Assert.Empty(host.Objects);
            Assert.Equal(writes, _platform.Engine.Journal.Writes);
            Assert.Contains(host.Asked, a => a.Action.StartsWith("Send 1 records to inlet ", StringComparison.Ordinal));
        }

        [Fact]
        public async Task Send_StreamingRecord_refuses_a_flow_that_does_not_stream()
        {
            var (schema, dataset, shop) = await new FlowBuilder(_platform.Client).PrerequisitesAsync();
            var (source, target, mapping) = await new FlowBuilder(_platform.Client).PartsAsync("Tables", shop.Id, dataset);
            var flow = await new FlowBuilder(_platform.Client).FlowAsync("Tables", source, target, mapping);
            var host = new RecordingHost();

            await new SendStreamingRecordOperation(_platform.Client).RunAsync(new StreamingBatchInput
            {
                FlowId = flow.Id,
                Records = new[] { new StreamedRecord(new JsonObject { ["Email"] = "mia@example.com" }, "row 1") },
            }, host);

            Assert.Contains("no streaming inlet", Assert.Single(host.Errors).Message);
            Assert.NotNull(schema);
        }

        private Task<BaseConnection> BucketAsync() =>
            OnlyAsync<BaseConnection>(host => new NewBaseConnectionOperation(_platform.Client).RunAsync(
                new BaseConnectionInput { Name = "Bucket", ConnectionSpec = "amazon-s3", Parameters = new Hashtable { ["s3AccessKey"] = "AKIA", ["s3SecretKey"] = "s3-secret" } }, host));

        /// <summary>The README's streaming pipeline: an HTTP API connection, its source and target, an email mapping, Get-FlowSpec picking by the pipeline, New-Dataflow.</summary>
        private async Task<(string FlowId, string InletUrl)> StreamingFlowAsync()
        {
            var (_, dataset, _) = await new FlowBuilder(_platform.Client).PrerequisitesAsync("Signups");
            var events = await OnlyAsync<BaseConnection>(host => new NewBaseConnectionOperation(_platform.Client).RunAsync(
                new BaseConnectionInput { Name = "Signups", ConnectionSpec = "http-connector", Parameters = new Hashtable { ["dataType"] = "raw" } }, host));
            var source = await OnlyAsync<SourceConnection>(host => new NewSourceConnectionOperation(_platform.Client).RunAsync(
                new SourceConnectionInput { FlowName = "Signups", BaseConnectionId = events.Id }, host));
            var target = await OnlyAsync<TargetConnection>(host => new NewTargetConnectionOperation(_platform.Client).RunAsync(
                new TargetConnectionInput { FlowName = "Signups", DatasetId = dataset.Id, SchemaId = dataset.SchemaRef?.Id }, host));
            var mapping = await OnlyAsync<MappingSet>(host => new NewMappingSetOperation(_platform.Client).RunAsync(
                new MappingSetInput { Mappings = new[] { new Mapping("email", "personalEmail.address") }, SchemaId = dataset.SchemaRef?.Id, SourceConnectionId = source.Id, TargetConnectionId = target.Id }, host));
            var carried = new PipelineIds().With(PipelineIds.FlowName, "Signups").With(PipelineIds.MappingSetId, mapping.Id);
            var spec = await OnlyAsync<FlowSpec>(host => new GetFlowSpecOperation(_platform.Client).RunAsync(
                new FlowSpecQuery { ConnectionSpecId = source.ConnectionSpec!.Id, Carried = carried, FromPipeline = true }, host));
            var flow = await OnlyAsync<Dataflow>(host => new NewDataflowOperation(_platform.Client).RunAsync(
                new DataflowInput { FlowName = "Signups", FlowSpecId = spec.Id, SourceConnectionIds = new[] { source.Id }, TargetConnectionIds = new[] { target.Id }, MappingSetId = mapping.Id }, host));
            var connection = await _platform.Client.FlowService.BaseConnections.GetAsync(events.Id);
            return (flow.Id, (string)connection.Auth!.ParamsJson!["inletUrl"]!);
        }
    }
}
