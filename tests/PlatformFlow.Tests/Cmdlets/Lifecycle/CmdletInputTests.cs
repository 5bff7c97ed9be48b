using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Operations;
using PlatformFlow.Commands;
using PlatformFlow.Tests.Support;
using Xunit;
using static PlatformFlow.Tests.Cmdlets.FlowPipelineFixture;

namespace PlatformFlow.Tests.Cmdlets.Lifecycle
{
    /// <summary>Each lifecycle cmdlet's parameters → operation input, and what a piped object stands for.</summary>
    public sealed class CmdletInputTests
    {

        private static (BindingResult Binding, TCmdlet Cmdlet) Bind<TCmdlet>(IReadOnlyDictionary<string, object?> explicitValues, EmittedObject? input)
            where TCmdlet : new()
        {
            var binding = PipelineBinder.Bind(CmdletMetadata.Of<TCmdlet>(), explicitValues, input);
            Assert.True(binding.Succeeded, binding.ToString());
            return (binding, CmdletFactory.Create<TCmdlet>(binding.Values));
        }

        [Fact]
        public void Get_Dataflow_maps_name_filters_paging_and_page_size()
        {
            Func<string, bool> matcher = n => n.StartsWith("Shop", StringComparison.Ordinal);
            var byName = CmdletFactory.Create<GetDataflowCommand>(Params(("Name", "Shop*"), ("PageSize", 50))).CreateQuery(null, matcher, 30, 120, null);
            var byFilter = CmdletFactory.Create<GetDataflowCommand>(Params(("Filter", new[] { "state==enabled", "createdAt>1" }))).CreateQuery(null, null, 0, ulong.MaxValue, null);

            Assert.Equal(("Shop*", 30L, 120L, 50), (byName.Name, byName.Skip, byName.First!.Value, byName.PageSize!.Value));
            Assert.Same(matcher, byName.NameMatches);
            Assert.Equal(new[] { "state==enabled", "createdAt>1" }, byFilter.Filters);
            Assert.Null(byFilter.First);
            Assert.Null(byFilter.NameMatches);
        }

        [Theory]
        [InlineData(typeof(GetDataflowCommand))]
        [InlineData(typeof(GetBaseConnectionCommand))]
        [InlineData(typeof(GetSourceConnectionCommand))]
        [InlineData(typeof(GetTargetConnectionCommand))]
        [InlineData(typeof(GetDatasetCommand))]
        [InlineData(typeof(GetXdmSchemaCommand))]
        [InlineData(typeof(GetMappingSetCommand))]
        [InlineData(typeof(GetConnectionSpecCommand))]
        [InlineData(typeof(GetFlowRunCommand))]
        [InlineData(typeof(SetDataflowCommand))]
        [InlineData(typeof(SetSourceConnectionCommand))]
        [InlineData(typeof(SetTargetConnectionCommand))]
        [InlineData(typeof(EnableDataflowCommand))]
        [InlineData(typeof(DisableDataflowCommand))]
        [InlineData(typeof(RemoveDataflowCommand))]
        [InlineData(typeof(RemoveBaseConnectionCommand))]
        [InlineData(typeof(RemoveSourceConnectionCommand))]
        [InlineData(typeof(RemoveTargetConnectionCommand))]
        [InlineData(typeof(RemoveDatasetCommand))]
        [InlineData(typeof(RemoveXdmSchemaCommand))]
        [InlineData(typeof(StartFlowRunCommand))]
        [InlineData(typeof(RestartFlowRunCommand))]
        [InlineData(typeof(WaitFlowRunCommand))]
        public void A_piped_object_binds_whole_to_InputObject_and_no_id_binds_by_property_name(Type command)
        {
            // PowerShell would bind a piped object's own Id to a parameter named (or aliased) Id before any other alias,
            // so the id of a source connection would be taken for a base connection's: only InputObject takes pipeline input.
            var cmdlet = CmdletMetadata.All().Single(c => c.Type == command);

            var piped = cmdlet.Parameters.Where(p => p.Sets.Values.Any(b => b.ValueFromPipeline || b.ByPropertyName)).Select(p => p.Name);
            Assert.Equal(new[] { "InputObject" }, piped);
            Assert.True(cmdlet.Parameter("InputObject").BindingIn("ByInputObject").Mandatory);
        }

        [Theory]
        [InlineData(ResourceKind.SourceConnection, "source-1")]
        [InlineData(ResourceKind.TargetConnection, "target-1")]
        [InlineData(ResourceKind.MappingSet, "mapping-1")]
        [InlineData(ResourceKind.FlowSpec, WellKnown.CrmToAepFlowSpecId)]
        [InlineData(ResourceKind.Dataflow, "flow-1")]
        public async Task A_flow_stands_for_the_parts_it_records(ResourceKind kind, string expected)
        {
            var flow = new Dataflow
            {
                Id = "flow-1",
                FlowSpec = new SpecReference(WellKnown.CrmToAepFlowSpecId),
                SourceConnectionIds = new ValueList<string> { "source-1" },
                TargetConnectionIds = new ValueList<string> { "target-1" },
                Transformations = new ValueList<Transformation> { new Transformation { Name = "Mapping", ParamsJson = new System.Text.Json.Nodes.JsonObject { ["mappingId"] = "mapping-1" } } },
            };

            // Recorded relations need no read, so no client is given.
            Assert.Equal(new[] { expected }, await RelatedResources.IdsAsync(null!, flow, _ => null, kind, default));
        }

        [Fact]
        public async Task Other_objects_stand_for_their_recorded_relations_plain_objects_for_their_named_ids()
        {
            Assert.Equal(new[] { "base-1" }, await RelatedResources.IdsAsync(null!, new SourceConnection { Id = "source-1", BaseConnectionId = "base-1" }, _ => null, ResourceKind.BaseConnection, default));
            Assert.Equal(new[] { "flow-1" }, await RelatedResources.IdsAsync(null!, new FlowRun { Id = "run-1", FlowId = "flow-1" }, _ => null, ResourceKind.Dataflow, default));
            Assert.Equal(new[] { "id-1" }, await RelatedResources.IdsAsync(null!, "id-1", _ => null, ResourceKind.Dataflow, default));
            var row = new Dictionary<string, string> { ["Id"] = "row-own", ["BaseConnectionId"] = "base-2" };
            Assert.Equal(new[] { "base-2" }, await RelatedResources.IdsAsync(null!, new object(), n => row.TryGetValue(n, out var v) ? v : null, ResourceKind.BaseConnection, default));
            Assert.Equal(new[] { "row-own" }, await RelatedResources.IdsAsync(null!, new object(), n => row.TryGetValue(n, out var v) ? v : null, ResourceKind.Dataflow, default));
            var unrelated = await Assert.ThrowsAsync<ArgumentException>(() => RelatedResources.IdsAsync(null!, new Dataset { Id = "d" }, _ => null, ResourceKind.Dataflow, default));
            Assert.Contains("no related Dataflow", unrelated.Message);
        }

        [Fact]
        public void Run_cmdlets_map_their_parameters()
        {
            var runs = CmdletFactory.Create<GetFlowRunCommand>(Params(("Status", new[] { "failed", "IN_PROGRESS" }))).CreateInput(flowId: "flow-1");
            Assert.Equal(("flow-1", (string?)null), (runs.FlowId, runs.RunId));
            Assert.Equal(new[] { RunStatus.Failed, RunStatus.InProgress }, runs.Statuses);

            var wait = CmdletFactory.Create<WaitFlowRunCommand>(Params(("Timeout", 120))).CreateInput("run-1");
            Assert.Equal(("run-1", TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(15)), (wait.RunId, wait.Timeout, wait.PollInterval));

            var start = CmdletFactory.Create<StartFlowRunCommand>(Params(("WindowStart", DateTime.UtcNow.AddHours(-1)), ("WindowEnd", DateTime.UtcNow))).CreateInput("flow-1");
            Assert.Equal("flow-1", start.FlowId);
        }

        [Fact]
        public void An_unknown_run_status_is_refused_with_the_known_ones()
        {
            var cmdlet = CmdletFactory.Create<GetFlowRunCommand>(Params(("FlowId", "flow-1"), ("Status", new[] { "Broken" })));

            var error = Assert.Throws<ArgumentException>(() => cmdlet.CreateInput());
            Assert.Contains("PartialSuccess", error.Message);
        }

        [Fact]
        public void Set_Dataflow_maps_the_schedule_change_and_takes_the_etag_given()
        {
            var change = CmdletFactory.Create<SetDataflowCommand>(Params(("Id", "flow-1"), ("Etag", "\"e-1\""), ("Frequency", "Day"), ("Interval", 2))).CreateInput(force: true, backfill: false);

            Assert.Equal(("flow-1", "\"e-1\"", "Day", 2, true, false), (change.Id, change.Etag, change.Frequency, change.Interval!.Value, change.Force, change.Backfill!.Value));
            Assert.Null(change.Name);

            var source = CmdletFactory.Create<SetSourceConnectionCommand>(Params(("Id", "source-1"), ("Description", "d"))).CreateInput(force: false);
            Assert.Equal(("source-1", "d", (string?)null), (source.Id, source.Description, source.Etag));
        }

        [Fact]
        public void Remove_Dataflow_maps_IncludeConnections()
        {
            Assert.Equal("flow-1", CmdletFactory.Create<RemoveDataflowCommand>(Params(("Id", "x"))).CreateInput(includeConnections: true, "flow-1").Id);
            Assert.True(CmdletFactory.Create<RemoveDataflowCommand>(Params(("Id", "x"))).CreateInput(includeConnections: true).IncludeConnections);
        }

        [Fact]
        public async Task Get_SourceTable_output_pipes_into_New_SourceConnection_with_all_or_some_of_its_columns()
        {
            using var world = new LifecycleWorld();
            await world.NewFlowAsync("Explored");
            var tables = new RecordingHost();
            var list = Bind<GetSourceTableCommand>(Params(("BaseConnectionId", world.Shop.Id)), null).Cmdlet.CreateInput(preview: false);
            await new GetSourceTableOperation(world.Client).RunAsync(list, tables);
            var orders = tables.Objects.Single(o => ((ExploreItem)o.Value).Path == "Shopify.Orders" || ((ExploreItem)o.Value).Name == "Shopify.Orders");
            Assert.Equal(world.Shop.Id, orders[PipelineIds.BaseConnectionId]);

            var described = new RecordingHost();
            var one = Bind<GetSourceTableCommand>(Params(("BaseConnectionId", world.Shop.Id), ("TableName", "Shopify.Orders")), null).Cmdlet.CreateInput(preview: true);
            await new GetSourceTableOperation(world.Client).RunAsync(one, described);
            var table = LifecycleWorld.Only<SourceTable>(described);
            Assert.NotEmpty(table.Preview!);
            var piped = described.Objects.Single();

            var all = await world.Pipeline.NewSourceConnectionAsync(Params(("FlowName", "All columns")), piped);
            Assert.Equal(table.Columns.Select(c => c.Name), ((SourceConnection)all.Output.Value).Params!.Columns!.Select(c => c.Name));

            var some = table.Columns.Where(c => c.Name == "Email" || c.Name == "Phone").Cast<object>().ToArray();
            var chosen = await world.Pipeline.NewSourceConnectionAsync(Params(("FlowName", "Some columns"), ("Column", some)), piped);
            Assert.Equal(new[] { "Email", "Phone" }, ((SourceConnection)chosen.Output.Value).Params!.Columns!.Select(c => c.Name));
            Assert.Equal(world.Shop.Id, ((SourceConnection)chosen.Output.Value).BaseConnectionId);
        }
    }
}
