using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using PlatformFlow.Client;
using PlatformFlow.Client.Auth;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Parts;
using PlatformFlow.Emulator.Engine;
using PlatformFlow.Emulator.Host;
using PlatformFlow.Tests.Support;
using Xunit;

namespace PlatformFlow.Tests.Client
{
    /// <summary>The tutorial's whole workflow through the typed client, from base connection to first run, in process and over HTTP.</summary>
    public sealed class ClientWorkflowTests
    {
        public enum Transport
        {
            InProcess,
            Http,
        }

        [Theory]
        [InlineData(Transport.InProcess)]
        [InlineData(Transport.Http)]
        public async Task The_tutorial_runs_from_base_connection_to_first_run(Transport transport)
        {
            var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
            var engine = new EmulatorEngine(new EmulatorOptions { Credentials = new EmulatorCredentials(TestPlatform.ClientId, TestPlatform.ClientSecret), Clock = clock });
            await using var server = transport == Transport.Http ? await EmulatorServer.StartAsync(engine) : null;
            using var client = server is null
                ? TestPlatform.NewClient(engine)
                : new PlatformClient(new PlatformClientOptions
                {
                    BaseUri = server.BaseAddress,
                    OrgId = TestPlatform.OrgId,
                    Credentials = new ImsCredentials(TestPlatform.ClientId, TestPlatform.ClientSecret, null, server.BaseAddress),
                    Retry = TestPlatform.QuickRetry,
                });
            var flowService = client.FlowService;

            // Base connection (the tutorial's prerequisite), checked against Shopify's auth spec.
            var shopify = await flowService.FindConnectionSpecByNameAsync("shopify");
            Assert.Equal(WellKnown.ShopifyConnectionSpecId, shopify!.Id);
            var baseId = (await flowService.CreateBaseConnectionAsync(new BaseConnectionRequest
            {
                Name = "Shop",
                Auth = new ConnectionAuth { SpecName = shopify.AuthSpec![0].Name, ParamsJson = new JsonObject { ["host"] = "shop.example", ["accessToken"] = "shpat-1" } },
                ConnectionSpec = new SpecReference(shopify.Id, "1.0"),
            })).Id;
            var baseConnection = await flowService.BaseConnections.GetAsync(baseId);
            Assert.NotEqual("shpat-1", (string?)baseConnection.Auth!.Params!["accessToken"]);

            // Explore, then the source connection on two of the table's columns.
            var tables = await flowService.ExploreRootAsync(baseId);
            Assert.Contains(tables, t => t.Path == "Shopify.Orders" || t.Name == "Shopify.Orders");
            var orders = await flowService.ExploreTableAsync(baseId, "Shopify.Orders", preview: true);
            Assert.Contains(orders.Schema!.Columns, c => c.Name == "Email");
            Assert.NotEmpty(orders.DataJson!);
            var source = await flowService.SourceConnections.CreateAsync(new SourceConnectionRequest
            {
                Name = "Shopify source connection",
                BaseConnectionId = baseId,
                Data = new SourceData { Format = "tabular" },
                Params = new SourceParams { TableName = "Shopify.Orders", Columns = new() { new SourceColumn("Email"), new SourceColumn("Phone") } },
                ConnectionSpec = new SpecReference(shopify.Id, "1.0"),
            });
            Assert.StartsWith("\"", source.Etag);

            // Target schema, dataset, target connection.
            var schema = await client.SchemaRegistry.CreateSchemaAsync(new XdmSchemaRequest
            {
                Title = "Shopify orders " + transport,
                AllOf = new() { new SchemaReference("https://ns.adobe.com/xdm/context/profile"), new SchemaReference("https://ns.adobe.com/xdm/context/profile-personal-details") },
                Class = "https://ns.adobe.com/xdm/context/profile",
            });
            var resolved = await client.SchemaRegistry.GetSchemaAsync(schema.Id, resolved: true);
            Assert.Contains("personalEmail.address", PlatformFlow.Client.Validation.XdmFieldPaths.Leaves(resolved.PropertiesJson));
            var datasetId = await client.Catalog.CreateDatasetAsync(new DatasetRequest
            {
                Name = "Shopify orders",
                SchemaRef = new DatasetSchemaReference { Id = schema.Id, ContentType = WellKnown.XedFullNoTextContentType },
            });
            Assert.Equal(schema.Id, (await client.Catalog.GetDatasetAsync(datasetId)).SchemaRef!.Id);
            var target = await flowService.TargetConnections.CreateAsync(new TargetConnectionRequest
            {
                Name = "Shopify target connection",
                Data = new TargetData { Format = "parquet_xdm", Schema = new TargetSchemaReference { Id = schema.Id, Version = WellKnown.XedFullNoTextContentType } },
                Params = new TargetParams { DataSetId = datasetId },
                ConnectionSpec = new SpecReference(WellKnown.DataLakeConnectionSpecId, "1.0"),
            });

            // Mapping set, flow spec, dataflow.
            var mappingSet = await client.DataPrep.CreateMappingSetAsync(new MappingSetRequest
            {
                OutputSchema = new MappingSchema { SchemaRef = new DatasetSchemaReference { Id = schema.Id, ContentType = WellKnown.XedFullNoTextContentType } },
                Mappings = new() { new Mapping("Email", "personalEmail.address"), new Mapping("Phone", "mobilePhone.number") },
            });
            var flowSpec = await flowService.FindFlowSpecByNameAsync("CRMToAEP");
            Assert.Equal(WellKnown.CrmToAepFlowSpecId, flowSpec!.Id);
            var flow = await FlowPart.CreateCheckedAsync(client, new DataflowRequest
            {
                Name = "Test Shopify dataflow",
                FlowSpec = new SpecReference(flowSpec.Id, "1.0"),
                SourceConnectionIds = new() { source.Id },
                TargetConnectionIds = new() { target.Id },
                Transformations = new() { new Transformation { Name = "Mapping", ParamsJson = new JsonObject { ["mappingId"] = mappingSet.Id, ["mappingVersion"] = "0" } } },
                ScheduleParams = new ScheduleParams { StartTime = clock.GetUtcNow(), Frequency = "once" },
            }, TimeProvider.System, default);

            // The first run: scheduled at the start time, it ends on the emulator's clock.
            var run = Assert.Single(await flowService.ListRunsOfFlowAsync(flow.Id).ToListAsync());
            Assert.False(run.StatusKind.IsFinal());
            clock.Advance(TimeSpan.FromHours(1));
            var finished = await flowService.Runs.GetAsync(run.Id);
            // The tutorial's Email mapping: the records whose emails the data set made malformed fail, the rest land.
            var records = PlatformFlow.Emulator.SourceData.SourceRecordSets.For(WellKnown.ShopifyConnectionSpecId, "Shopify.Orders")!;
            Assert.Equal(RunStatus.PartialSuccess, finished.StatusKind);
            Assert.Equal(records.Records.Count, finished.Metrics!.RecordSummary!.InputRecordCount);
            Assert.Equal(records.RowsWith("Email", PlatformFlow.Emulator.SourceData.ImperfectionKinds.MalformedEmail).Count, finished.Metrics.RecordSummary.FailedRecordCount);
            Assert.True(finished.Metrics.DurationSummary!.CompletedAtUtc > finished.Metrics.DurationSummary.StartedAtUtc);
            var stored = await flowService.Flows.GetAsync(flow.Id);
            Assert.Equal(flow.Etag, stored.Etag);
            Assert.Equal(clock.GetUtcNow().AddHours(-1).ToUnixTimeSeconds(), stored.ScheduleParams!.StartTime.ToUnixTimeSeconds());
        }
    }
}
