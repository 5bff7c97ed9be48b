using System;
using System.Collections;
using System.Linq;
using System.Threading.Tasks;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Operations;
using PlatformFlow.Tests.Support;
using Xunit;
using static PlatformFlow.Tests.Cmdlets.FlowPipelineFixture;

namespace PlatformFlow.Tests.Cmdlets
{
    public sealed class WhatIfTests : IDisposable
    {
        private readonly FlowPipelineFixture _pipeline = new FlowPipelineFixture();

        public void Dispose() => _pipeline.Dispose();

        private long PlatformWrites => _pipeline.Platform.Engine.Journal.Recent.Count(e => e.IsWrite && e.Path.StartsWith("/data/", StringComparison.Ordinal));

        [Fact]
        public async Task WhatIf_runs_the_checks_and_passes_planned_objects_down_without_any_write()
        {
            var (schema, dataset, shop) = await _pipeline.PrerequisitesAsync();
            var writesBefore = PlatformWrites;
            RecordingHost WhatIf() => new RecordingHost(ChangeDecision.WhatIf);

            var source = await _pipeline.NewSourceConnectionAsync(Params(("FlowName", "Planned"), ("BaseConnectionId", shop.Id), ("TableName", "Shopify.Orders"), ("Column", new object[] { "Email" })), host: WhatIf());
            var target = await _pipeline.NewTargetConnectionAsync(Params(("DatasetId", dataset.Id), ("SchemaId", schema.Id)), source.Output, WhatIf());
            var mapping = await _pipeline.NewMappingSetAsync(Params(("Mapping", new object[] { new Hashtable { ["Email"] = "personalEmail.address" } })), target.Output, WhatIf());
            var spec = await _pipeline.GetFlowSpecAsync(Params(), mapping.Output, WhatIf());
            var flow = await _pipeline.NewDataflowAsync(Params(("Frequency", "Hour"), ("Interval", 2)), spec.Output, WhatIf());

            Assert.Equal(writesBefore, PlatformWrites);
            var planned = Assert.IsType<Dataflow>(flow.Output.Value);
            Assert.True(Planned.IsPlanned(planned.Id));
            Assert.Equal(Planned.State, planned.State);
            Assert.Equal(2, planned.ScheduleParams!.Interval);
            Assert.Equal(("Planned", "Create dataflow (hour every 2)"), flow.Host.Asked.Single());
            Assert.Empty(await _pipeline.Platform.Client.FlowService.Flows.ListAsync().ToListAsync());
        }

        [Fact]
        public async Task WhatIf_still_catches_what_the_platform_would_reject()
        {
            var (schema, dataset, shop) = await _pipeline.PrerequisitesAsync();
            var writesBefore = PlatformWrites;

            var badColumn = await _pipeline.NewSourceConnectionAsync(
                Params(("FlowName", "Bad"), ("BaseConnectionId", shop.Id), ("TableName", "Shopify.Orders"), ("Column", new object[] { "Fax" })),
                host: new RecordingHost(ChangeDecision.WhatIf));
            var source = await _pipeline.NewSourceConnectionAsync(Params(("FlowName", "Bad"), ("BaseConnectionId", shop.Id), ("TableName", "Shopify.Orders")), host: new RecordingHost(ChangeDecision.WhatIf));
            var target = await _pipeline.NewTargetConnectionAsync(Params(("DatasetId", dataset.Id), ("SchemaId", schema.Id)), source.Output, new RecordingHost(ChangeDecision.WhatIf));
            var badDestination = await _pipeline.NewMappingSetAsync(
                Params(("Mapping", new object[] { new Hashtable { ["Email"] = "personalEmail.adress" } })), target.Output, new RecordingHost(ChangeDecision.WhatIf));

            Assert.Contains("has no column 'Fax'", Assert.Single(badColumn.Host.Errors).Message);
            var destinationError = Assert.Single(badDestination.Host.Errors);
            Assert.Equal("PreflightRejected", destinationError.ErrorId);
            Assert.Contains("personalEmail.adress", destinationError.Message);
            Assert.Contains("personalEmail.address", destinationError.Message);
            Assert.Equal(writesBefore, PlatformWrites);
        }

        [Fact]
        public async Task WhatIf_plans_the_whole_tutorial_including_schema_dataset_and_base_connection()
        {
            var client = _pipeline.Platform.Client;
            var writesBefore = PlatformWrites;
            var schemaHost = new RecordingHost(ChangeDecision.WhatIf);
            await new NewXdmSchemaOperation(client).RunAsync(new XdmSchemaInput { Title = "Planned schema", Class = "profile", FieldGroups = new[] { "profile-personal-details" } }, schemaHost);
            var schema = schemaHost.Single<XdmSchema>();
            var datasetHost = new RecordingHost(ChangeDecision.WhatIf);
            await new NewDatasetOperation(client).RunAsync(new DatasetInput { Name = "Planned dataset", SchemaId = schema.Id }, datasetHost);
            var dataset = datasetHost.Single<Dataset>();
            var baseHost = new RecordingHost(ChangeDecision.WhatIf);
            await new NewBaseConnectionOperation(client).RunAsync(new BaseConnectionInput { Name = "Shop", ConnectionSpec = "Shopify", Parameters = new Hashtable { ["host"] = "shop.example", ["accessToken"] = "t" } }, baseHost);
            var shop = baseHost.Objects.Single();

            var source = await _pipeline.NewSourceConnectionAsync(Params(("FlowName", "All planned"), ("TableName", "Shopify.Orders")), shop, new RecordingHost(ChangeDecision.WhatIf));
            var target = await _pipeline.NewTargetConnectionAsync(Params(("DatasetId", dataset.Id), ("SchemaId", schema.Id)), source.Output, new RecordingHost(ChangeDecision.WhatIf));
            var mapping = await _pipeline.NewMappingSetAsync(Params(("Mapping", new object[] { new Hashtable { ["Email"] = "personalEmail.address" } })), target.Output, new RecordingHost(ChangeDecision.WhatIf));
            var spec = await _pipeline.GetFlowSpecAsync(Params(), mapping.Output, new RecordingHost(ChangeDecision.WhatIf));
            var flow = await _pipeline.NewDataflowAsync(Params(), spec.Output, new RecordingHost(ChangeDecision.WhatIf));

            Assert.True(Planned.IsPlanned(((Dataflow)flow.Output.Value).Id));
            Assert.Equal(writesBefore, PlatformWrites);
        }

        [Fact]
        public async Task Declining_at_the_confirm_prompt_creates_and_emits_nothing()
        {
            var (_, _, shop) = await _pipeline.PrerequisitesAsync();
            var writesBefore = PlatformWrites;

            var declined = await _pipeline.NewSourceConnectionAsync(
                Params(("FlowName", "No"), ("BaseConnectionId", shop.Id), ("TableName", "Shopify.Orders")), host: new RecordingHost(ChangeDecision.Declined));

            Assert.Empty(declined.Host.Objects);
            Assert.Empty(declined.Host.Errors);
            Assert.Equal(writesBefore, PlatformWrites);
        }
    }
}
