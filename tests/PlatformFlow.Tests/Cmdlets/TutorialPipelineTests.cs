using System;
using System.Collections;
using System.Linq;
using System.Threading.Tasks;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Operations;
using Xunit;
using static PlatformFlow.Tests.Cmdlets.FlowPipelineFixture;

namespace PlatformFlow.Tests.Cmdlets
{
    /// <summary>
    /// New-SourceConnection ... | New-TargetConnection ... | New-MappingSet ... | Get-FlowSpec ... | New-Dataflow ...
    /// walked by the rules of by-property-name binding, against the in-process emulator.
    /// </summary>
    public sealed class TutorialPipelineTests : IDisposable
    {
        private readonly FlowPipelineFixture _pipeline = new FlowPipelineFixture();

        public void Dispose() => _pipeline.Dispose();

        [Fact]
        public async Task The_one_pipeline_expression_binds_every_step_from_the_one_before()
        {
            var (schema, dataset, shop) = await _pipeline.PrerequisitesAsync();

            var source = await _pipeline.NewSourceConnectionAsync(Params(
                ("FlowName", "Shopify orders"), ("BaseConnectionId", shop.Id), ("TableName", "Shopify.Orders"), ("Column", new object[] { "Email", "Phone" })));
            var target = await _pipeline.NewTargetConnectionAsync(Params(("DatasetId", dataset.Id), ("SchemaId", schema.Id)), source.Output);
            var mapping = await _pipeline.NewMappingSetAsync(
                Params(("Mapping", new object[] { new Hashtable { ["Email"] = "personalEmail.address", ["Phone"] = "mobilePhone.number" } })), target.Output);
            var spec = await _pipeline.GetFlowSpecAsync(Params(("Name", "CRMToAEP")), mapping.Output);
            var flow = await _pipeline.NewDataflowAsync(Params(("Frequency", "Once")), spec.Output);

            // Every id the last step needed came from the pipeline, and they are the ones created on the way.
            Assert.Equal("Shopify orders", flow.Binding.Text("FlowName"));
            var dataflow = Assert.IsType<Dataflow>(flow.Output.Value);
            Assert.Equal("Shopify orders", dataflow.Name);
            Assert.Equal(WellKnown.CrmToAepFlowSpecId, dataflow.FlowSpec!.Id);
            Assert.Equal(new[] { ((SourceConnection)source.Output.Value).Id }, dataflow.SourceConnectionIds);
            Assert.Equal(new[] { ((TargetConnection)target.Output.Value).Id }, dataflow.TargetConnectionIds);
            var transformation = Assert.Single(dataflow.Transformations!);
            Assert.Equal(((MappingSet)mapping.Output.Value).Id, (string?)transformation.Params!["mappingId"]);
            Assert.Equal("once", dataflow.ScheduleParams!.Frequency);

            // Each part is named after the flow, and the source connection reads the two columns with the table's types.
            Assert.Equal("Shopify orders source", ((SourceConnection)source.Output.Value).Name);
            Assert.Equal("Shopify orders target", ((TargetConnection)target.Output.Value).Name);
            Assert.Equal(new[] { "Email", "Phone" }, ((SourceConnection)source.Output.Value).Params!.Columns!.Select(c => c.Name));
            Assert.All(((SourceConnection)source.Output.Value).Params!.Columns!, c => Assert.False(string.IsNullOrEmpty(c.Type)));
        }

        [Fact]
        public async Task The_short_form_works_from_defaults()
        {
            var (_, dataset, shop) = await _pipeline.PrerequisitesAsync();

            // No columns (all of the table's), no schema (the dataset's), no flow spec name (the one accepting Shopify).
            var source = await _pipeline.NewSourceConnectionAsync(Params(("FlowName", "Short"), ("BaseConnectionId", shop.Id), ("TableName", "Shopify.Orders")));
            var target = await _pipeline.NewTargetConnectionAsync(Params(("DatasetId", dataset.Id)), source.Output);
            var mapping = await _pipeline.NewMappingSetAsync(Params(("Mapping", new object[] { new Hashtable { ["Email"] = "personalEmail.address" } })), target.Output);
            var spec = await _pipeline.GetFlowSpecAsync(Params(), mapping.Output);
            var flow = await _pipeline.NewDataflowAsync(Params(), spec.Output);

            Assert.Equal(WellKnown.CrmToAepFlowSpecId, ((FlowSpec)spec.Output.Value).Id);
            Assert.Contains(((SourceConnection)source.Output.Value).Params!.Columns!, c => c.Name == "Shipping_Address_Phone");
            var dataflow = (Dataflow)flow.Output.Value;
            Assert.Equal("once", dataflow.ScheduleParams!.Frequency);
            Assert.Equal("0", (string?)dataflow.Transformations!.Single().Params!["mappingVersion"]);
            Assert.InRange(dataflow.ScheduleParams.StartTime, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(5));
        }

        [Fact]
        public async Task Each_step_carries_the_ids_that_came_in_as_extra_properties()
        {
            var (schema, dataset, shop) = await _pipeline.PrerequisitesAsync();

            var source = await _pipeline.NewSourceConnectionAsync(Params(("FlowName", "Carry"), ("BaseConnectionId", shop.Id), ("TableName", "Shopify.Orders")));
            var target = await _pipeline.NewTargetConnectionAsync(Params(("DatasetId", dataset.Id), ("SchemaId", schema.Id)), source.Output);
            var mapping = await _pipeline.NewMappingSetAsync(Params(("Mapping", new object[] { new Hashtable { ["Email"] = "personalEmail.address" } })), target.Output);

            var carried = mapping.Output;
            Assert.Equal("Carry", carried[PipelineIds.FlowName]);
            Assert.Equal(shop.Id, carried[PipelineIds.BaseConnectionId]);
            Assert.Equal(WellKnown.ShopifyConnectionSpecId, carried[PipelineIds.ConnectionSpecId]);
            Assert.Equal(((SourceConnection)source.Output.Value).Id, carried[PipelineIds.SourceConnectionId]);
            Assert.Equal(((TargetConnection)target.Output.Value).Id, carried[PipelineIds.TargetConnectionId]);
            Assert.Equal(dataset.Id, carried[PipelineIds.DatasetId]);
            Assert.Equal(schema.Id, carried[PipelineIds.SchemaId]);
            Assert.Equal(((MappingSet)mapping.Output.Value).Id, carried[PipelineIds.MappingSetId]);
            Assert.Equal(0, carried[PipelineIds.MappingSetVersion]);

            // The emitted object keeps its own type; no extra property shadows one of its own.
            Assert.IsType<MappingSet>(carried.Value);
            Assert.DoesNotContain(carried.PipelineProperties, p => typeof(MappingSet).GetProperty(p.Key) != null);
        }
    }
}
