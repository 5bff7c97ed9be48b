using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Operations;
using PlatformFlow.Client.Relations;
using PlatformFlow.Commands;
using PlatformFlow.Tests.Support;
using Xunit;
using static PlatformFlow.Tests.Support.CmdletFactory;

namespace PlatformFlow.Tests.Cmdlets.Lifecycle
{
    /// <summary>
    /// Each lifecycle cmdlet's parameters → operation input, and what a piped object stands for (the cmdlets' own code).
    /// How PowerShell binds a piped object is proven in real pwsh (tests/Binding.Tests.ps1), not modelled here.
    /// </summary>
    public sealed class CmdletInputTests
    {
        [Fact]
        public void Get_Dataflow_maps_name_filters_paging_and_page_size()
        {
            Func<string, bool> matcher = n => n.StartsWith("Shop", StringComparison.Ordinal);
            var byName = Create<GetDataflowCommand>(Params(("Name", "Shop*"), ("PageSize", 50))).CreateQuery(null, matcher, 30, 120, null);
            var byFilter = Create<GetDataflowCommand>(Params(("Filter", new[] { "state==enabled", "createdAt>1" }))).CreateQuery(null, null, 0, ulong.MaxValue, null);

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
        [Trait(TestCategory.Name, TestCategory.Metadata)]
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

        [Theory]
        [InlineData(ResourceKind.Dataflow, "FlowId,DataflowId")]
        [InlineData(ResourceKind.FlowRun, "RunId,FlowRunId")]
        [InlineData(ResourceKind.MappingSet, "MappingSetId,MappingId")]
        [InlineData(ResourceKind.Dataset, "DatasetId")]
        [InlineData(ResourceKind.XdmSchema, "SchemaId,AltId")]
        [InlineData(ResourceKind.BaseConnection, "BaseConnectionId")]
        [InlineData(ResourceKind.ConnectionSpec, "ConnectionSpecId")]
        public void A_plain_object_gives_an_id_of_each_kind_under_these_property_names(ResourceKind kind, string names)
        {
            Assert.Equal(names.Split(','), RelatedResources.PropertyNamesOf(kind));
        }

        public static TheoryData<object, ResourceKind> ModelObjects => new TheoryData<object, ResourceKind>
        {
            { new Dataflow { Id = "own-1" }, ResourceKind.Dataflow },
            { new FlowRun { Id = "own-1", FlowId = "flow-1" }, ResourceKind.FlowRun },
            { new SourceConnection { Id = "own-1", BaseConnectionId = "base-1" }, ResourceKind.SourceConnection },
            { new TargetConnection { Id = "own-1" }, ResourceKind.TargetConnection },
            { new BaseConnection { Id = "own-1" }, ResourceKind.BaseConnection },
            { new MappingSet { Id = "own-1" }, ResourceKind.MappingSet },
            { new FlowSpec { Id = "own-1" }, ResourceKind.FlowSpec },
            { new ConnectionSpec { Id = "own-1" }, ResourceKind.ConnectionSpec },
            { new Dataset { Id = "own-1" }, ResourceKind.Dataset },
            { new XdmSchema { Id = "own-1" }, ResourceKind.XdmSchema },
        };

        [Theory]
        [MemberData(nameof(ModelObjects))]
        public async Task A_platform_object_is_of_its_own_kind_and_stands_for_its_own_id(object input, ResourceKind kind)
        {
            Assert.Equal(kind, RelatedResources.KindOf(input));
            Assert.Equal(new[] { "own-1" }, await RelatedResources.IdsAsync(null!, input, _ => "carried-1", kind, default));
        }

        [Fact]
        public void Strings_and_plain_objects_are_of_no_kind()
        {
            Assert.Null(RelatedResources.KindOf("flow-1"));
            Assert.Null(RelatedResources.KindOf(new Dictionary<string, string> { ["Id"] = "flow-1" }));
        }

        public static TheoryData<object, ResourceKind, string> RecordedRelations => new TheoryData<object, ResourceKind, string>
        {
            { new FlowRun { Id = "run-1", FlowSpec = new SpecReference("flowspec-1") }, ResourceKind.FlowSpec, "flowspec-1" },
            { new SourceConnection { Id = "source-1", ConnectionSpec = new SpecReference("connspec-1") }, ResourceKind.ConnectionSpec, "connspec-1" },
            { new TargetConnection { Id = "target-1", Params = new TargetParams { DataSetId = "dataset-1" } }, ResourceKind.Dataset, "dataset-1" },
            { new TargetConnection { Id = "target-1", Data = new TargetData { Schema = new TargetSchemaReference { Id = "schema-1" } } }, ResourceKind.XdmSchema, "schema-1" },
            { new TargetConnection { Id = "target-1", ConnectionSpec = new SpecReference("connspec-2") }, ResourceKind.ConnectionSpec, "connspec-2" },
            { new BaseConnection { Id = "base-1", ConnectionSpec = new SpecReference("connspec-3") }, ResourceKind.ConnectionSpec, "connspec-3" },
            { new Dataset { Id = "dataset-1", SchemaRef = new DatasetSchemaReference { Id = "schema-2" } }, ResourceKind.XdmSchema, "schema-2" },
            { new MappingSet { Id = "mapping-1", OutputSchema = new MappingSchema { SchemaRef = new DatasetSchemaReference { Id = "schema-3" } } }, ResourceKind.XdmSchema, "schema-3" },
            { new Dataflow { Id = "flow-1", LastRunDetailsJson = new System.Text.Json.Nodes.JsonObject { ["id"] = "run-7" } }, ResourceKind.FlowRun, "run-7" },
        };

        [Theory]
        [MemberData(nameof(RecordedRelations))]
        public async Task An_object_stands_for_the_relation_it_records_without_a_read(object input, ResourceKind kind, string expected)
        {
            // No client: a read would fail with a NullReferenceException.
            Assert.Equal(new[] { expected }, await RelatedResources.IdsAsync(null!, input, _ => "carried-1", kind, default));
        }

        [Fact]
        public async Task A_relation_the_object_records_empty_stands_for_no_id_not_for_a_carried_one()
        {
            Assert.Empty(await RelatedResources.IdsAsync(null!, new SourceConnection { Id = "source-1", BaseConnectionId = "" }, _ => "carried-1", ResourceKind.BaseConnection, default));
            Assert.Empty(await RelatedResources.IdsAsync(null!, new Dataset { Id = "dataset-1" }, _ => "carried-1", ResourceKind.XdmSchema, default));
        }

        [Fact]
        public async Task An_object_of_an_unrelated_kind_gives_the_id_a_pipeline_step_carried_or_is_refused()
        {
            var carried = new Dictionary<string, string> { ["SourceConnectionId"] = "source-9" };

            Assert.Equal(new[] { "source-9" }, await RelatedResources.IdsAsync(null!, new Dataset { Id = "dataset-1" }, n => carried.TryGetValue(n, out var v) ? v : null, ResourceKind.SourceConnection, default));
            var refused = await Assert.ThrowsAsync<ArgumentException>(() => RelatedResources.IdsAsync(null!, new Dataset { Id = "dataset-1" }, _ => null, ResourceKind.SourceConnection, default));
            Assert.Equal("A Dataset has no related SourceConnection the platform records; pipe a SourceConnection or an object related to one, or give its id.", refused.Message);
        }

        [Fact]
        public async Task A_plain_object_gives_its_first_non_empty_named_id_then_its_own_Id_or_is_refused_naming_the_properties()
        {
            Task<IReadOnlyList<string>> Ids(Dictionary<string, string> row) =>
                RelatedResources.IdsAsync(null!, new object(), n => row.TryGetValue(n, out var v) ? v : null, ResourceKind.Dataflow, default);

            Assert.Equal(new[] { "flow-1" }, await Ids(new Dictionary<string, string> { ["FlowId"] = "flow-1", ["DataflowId"] = "flow-2", ["Id"] = "own" }));
            Assert.Equal(new[] { "flow-2" }, await Ids(new Dictionary<string, string> { ["FlowId"] = "", ["DataflowId"] = "flow-2", ["Id"] = "own" }));
            Assert.Equal(new[] { "own" }, await Ids(new Dictionary<string, string> { ["FlowId"] = "", ["Id"] = "own" }));
            var refused = await Assert.ThrowsAsync<ArgumentException>(() => Ids(new Dictionary<string, string> { ["Id"] = "" }));
            Assert.Equal("The input has no FlowId or DataflowId or Id property to identify a Dataflow.", refused.Message);
        }

        [Fact]
        public void Run_cmdlets_map_their_parameters()
        {
            var runs = Create<GetFlowRunCommand>(Params(("Status", new[] { "failed", "IN_PROGRESS" }))).CreateInput(flowId: "flow-1");
            Assert.Equal(("flow-1", (string?)null), (runs.FlowId, runs.RunId));
            Assert.Equal(new[] { RunStatus.Failed, RunStatus.InProgress }, runs.Statuses);

            var wait = Create<WaitFlowRunCommand>(Params(("Timeout", 120))).CreateInput("run-1");
            Assert.Equal(("run-1", TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(15)), (wait.RunId, wait.Timeout, wait.PollInterval));

            var start = Create<StartFlowRunCommand>(Params(("WindowStart", DateTime.UtcNow.AddHours(-1)), ("WindowEnd", DateTime.UtcNow))).CreateInput("flow-1");
            Assert.Equal("flow-1", start.FlowId);
        }

        [Fact]
        public void Run_statuses_are_read_in_any_spelling_the_platform_uses_and_no_flow_means_every_flow()
        {
            // A word that is no status never gets here: -Status refuses it as it is bound (Monitoring.Tests.ps1).
            var query = Create<GetFlowRunCommand>(Params(("Status", new[] { "PARTIAL_SUCCESS", "failed", "InProgress" }))).CreateInput();

            Assert.Equal(new[] { RunStatus.PartialSuccess, RunStatus.Failed, RunStatus.InProgress }, query.Statuses);
            Assert.Null(query.FlowId);
            Assert.Null(query.RunId);
        }

        [Fact]
        public void Set_Dataflow_maps_the_schedule_change_and_takes_the_etag_given()
        {
            var change = Create<SetDataflowCommand>(Params(("Id", "flow-1"), ("Etag", "\"e-1\""), ("Frequency", "Day"), ("Interval", 2))).CreateInput(force: true, backfill: false);

            Assert.Equal(("flow-1", "\"e-1\"", "Day", 2, true, false), (change.Id, change.Etag, change.Frequency, change.Interval!.Value, change.Force, change.Backfill!.Value));
            Assert.Null(change.Name);

            var source = Create<SetSourceConnectionCommand>(Params(("Id", "source-1"), ("Description", "d"))).CreateInput(force: false);
            Assert.Equal(("source-1", "d", (string?)null), (source.Id, source.Description, source.Etag));
        }

        [Fact]
        public void Remove_Dataflow_maps_IncludeConnections()
        {
            Assert.Equal("flow-1", Create<RemoveDataflowCommand>(Params(("Id", "x"))).CreateInput(includeConnections: true, "flow-1").Id);
            Assert.True(Create<RemoveDataflowCommand>(Params(("Id", "x"))).CreateInput(includeConnections: true).IncludeConnections);
        }
    }
}
