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
    /// <summary>Each lifecycle cmdlet's parameters → operation input, and what binds by property name from the step before.</summary>
    public sealed class CmdletInputTests
    {
        private static readonly EmittedObject Flow = new EmittedObject(new Dataflow { Id = "flow-1", Name = "Shop orders", Etag = "\"e-1\"" }, new List<KeyValuePair<string, object?>>());
        private static readonly EmittedObject Run = new EmittedObject(new FlowRun { Id = "run-1", FlowId = "flow-1" }, new List<KeyValuePair<string, object?>>());

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
        [InlineData(typeof(GetDataflowCommand), "FlowId")]
        [InlineData(typeof(GetBaseConnectionCommand), "BaseConnectionId")]
        [InlineData(typeof(GetSourceConnectionCommand), "SourceConnectionId")]
        [InlineData(typeof(GetTargetConnectionCommand), "TargetConnectionId")]
        [InlineData(typeof(GetDatasetCommand), "DatasetId")]
        [InlineData(typeof(GetXdmSchemaCommand), "SchemaId")]
        [InlineData(typeof(GetMappingSetCommand), "MappingSetId")]
        public void Get_by_id_binds_the_id_the_pipeline_carries_by_property_name(Type command, string carried)
        {
            // PowerShell moves to the ById set when a piped object (e.g. a CSV row) has the id under this name; the test
            // binder always tries the default set first, so the parameter's own metadata is checked here.
            var id = CmdletMetadata.All().Single(c => c.Type == command).Parameter("Id");

            Assert.True(id.BindingIn("ById").ByPropertyName);
            Assert.True(id.BindingIn("ById").Mandatory);
            Assert.Equal(carried, id.MatchingProperty(new[] { "Name", carried }));
        }

        [Fact]
        public void Get_Dataflow_piped_to_Get_FlowRun_piped_to_Wait_FlowRun_binds_by_property_name()
        {
            var runs = Bind<GetFlowRunCommand>(Params(("Status", new[] { "failed", "IN_PROGRESS" })), Flow);
            var query = runs.Cmdlet.CreateInput();
            Assert.Equal("flow-1", query.FlowId);
            Assert.Equal(new[] { RunStatus.Failed, RunStatus.InProgress }, query.Statuses);

            var wait = Bind<WaitFlowRunCommand>(Params(("Timeout", 120)), Run).Cmdlet.CreateInput();
            Assert.Equal(("run-1", TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(15)), (wait.RunId, wait.Timeout, wait.PollInterval));

            Assert.Equal("run-1", Bind<RestartFlowRunCommand>(Params(), Run).Cmdlet.RunId);
            Assert.Equal("flow-1", Bind<StartFlowRunCommand>(Params(("WindowStart", DateTime.UtcNow.AddHours(-1)), ("WindowEnd", DateTime.UtcNow)), Flow).Cmdlet.CreateInput().FlowId);
        }

        [Fact]
        public void An_unknown_run_status_is_refused_with_the_known_ones()
        {
            var cmdlet = CmdletFactory.Create<GetFlowRunCommand>(Params(("FlowId", "flow-1"), ("Status", new[] { "Broken" })));

            var error = Assert.Throws<ArgumentException>(() => cmdlet.CreateInput());
            Assert.Contains("PartialSuccess", error.Message);
        }

        [Fact]
        public void Set_Dataflow_takes_the_id_and_etag_of_the_piped_flow()
        {
            var change = Bind<SetDataflowCommand>(Params(("Frequency", "Day"), ("Interval", 2)), Flow).Cmdlet.CreateInput(force: true, backfill: false);

            Assert.Equal(("flow-1", "\"e-1\"", "Day", 2, true, false), (change.Id, change.Etag, change.Frequency, change.Interval!.Value, change.Force, change.Backfill!.Value));
            Assert.Null(change.Name);

            var source = Bind<SetSourceConnectionCommand>(Params(("Id", "source-1"), ("Description", "d")), null).Cmdlet.CreateInput(force: false);
            Assert.Equal(("source-1", "d", (string?)null), (source.Id, source.Description, source.Etag));
        }

        [Fact]
        public void Remove_and_state_cmdlets_bind_the_piped_flows_id()
        {
            Assert.Equal("flow-1", Bind<RemoveDataflowCommand>(Params(), Flow).Cmdlet.CreateInput(includeConnections: true).Id);
            Assert.True(CmdletFactory.Create<RemoveDataflowCommand>(Params(("Id", "x"))).CreateInput(includeConnections: true).IncludeConnections);
            Assert.Equal("flow-1", Bind<DisableDataflowCommand>(Params(), Flow).Cmdlet.Id);
            Assert.Equal("flow-1", Bind<EnableDataflowCommand>(Params(), Flow).Cmdlet.Id);
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
