using System;
using System.Linq;
using System.Threading.Tasks;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Operations;
using PlatformFlow.Tests.Support;
using Xunit;

namespace PlatformFlow.Tests.Cmdlets.Lifecycle
{
    /// <summary>Get-* by id, by name with wildcards, by the platform's filters, and all.</summary>
    public sealed class GetResourceTests : IDisposable
    {
        private readonly LifecycleWorld _world = new LifecycleWorld();

        public void Dispose() => _world.Dispose();

        private static Func<string, bool> Like(string pattern)
        {
            // The cmdlet passes WildcardPattern.IsMatch; tests stand in with the same rules for * only.
            var regex = new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(pattern).Replace("\\*", ".*") + "$", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
            return regex.IsMatch;
        }

        private async Task<RecordingHost> RunAsync<T>(ResourceListOperation<T> operation, ResourceQuery query)
            where T : class
        {
            var host = new RecordingHost();
            await operation.RunAsync(query, host);
            Assert.True(host.Errors.Count == 0, string.Join(Environment.NewLine, host.Errors.Select(e => e.ErrorId + ": " + e.Message)));
            return host;
        }

        [Fact]
        public async Task Dataflows_by_id_by_wildcard_name_by_filter_and_all()
        {
            var shopOrders = await _world.NewFlowAsync("Shop orders");
            var shopRefunds = await _world.CopyFlowAsync(shopOrders, "Shop refunds");
            var crm = await _world.CopyFlowAsync(shopOrders, "CRM contacts");
            var operation = new GetDataflowOperation(_world.Client);

            var byId = await RunAsync(operation, new ResourceQuery { Id = crm.Id });
            Assert.Equal("CRM contacts", byId.Single<Dataflow>().Name);

            var byName = await RunAsync(operation, new ResourceQuery { Name = "shop*", NameMatches = Like("shop*") });
            Assert.Equal(new[] { "Shop orders", "Shop refunds" }, byName.Objects.Select(o => ((Dataflow)o.Value).Name).OrderBy(n => n));

            // The literal part narrows on the server (name~), the wildcard is matched exactly here: "*orders" is not "*orders*".
            var suffix = await RunAsync(operation, new ResourceQuery { Name = "*s", NameMatches = Like("*s") });
            Assert.Equal(new[] { "CRM contacts", "Shop orders", "Shop refunds" }, suffix.Objects.Select(o => ((Dataflow)o.Value).Name).OrderBy(n => n));
            var none = await RunAsync(operation, new ResourceQuery { Name = "Shop", NameMatches = Like("Shop") });
            Assert.Empty(none.Objects);

            var filtered = await RunAsync(operation, new ResourceQuery { Filters = new[] { "name~Shop", "name!=" + "\"Shop orders\"" } });
            Assert.Equal(shopRefunds.Id, filtered.Single<Dataflow>().Id);

            var all = await RunAsync(operation, new ResourceQuery());
            Assert.Equal(3, all.Objects.Count);
        }

        [Fact]
        public async Task A_missing_id_is_a_non_terminating_error_naming_it()
        {
            var host = new RecordingHost();
            await new GetDataflowOperation(_world.Client).RunAsync(new ResourceQuery { Id = "0b4f0f1c-0000-4000-8000-000000000000", Target = "0b4f0f1c-0000-4000-8000-000000000000" }, host);

            var error = Assert.Single(host.Errors);
            Assert.Equal(OperationErrorCategory.ObjectNotFound, error.Category);
            Assert.Equal("0b4f0f1c-0000-4000-8000-000000000000", error.Target);
        }

        [Fact]
        public async Task Connections_come_by_name_and_filter_and_carry_their_ids_for_the_flow_cmdlets()
        {
            var flow = await _world.NewFlowAsync("Carried");

            var bases = await RunAsync(new GetBaseConnectionOperation(_world.Client), new ResourceQuery { Name = "Sh*", NameMatches = Like("Sh*") });
            var shop = Assert.Single(bases.Objects);
            Assert.Equal(_world.Shop.Id, shop[PipelineIds.BaseConnectionId]);
            Assert.Equal(WellKnown.ShopifyConnectionSpecId, shop[PipelineIds.ConnectionSpecId]);

            var sources = await RunAsync(new GetSourceConnectionOperation(_world.Client), new ResourceQuery { Filters = new[] { "baseConnectionId==" + _world.Shop.Id } });
            Assert.Equal(flow.SourceConnectionIds, sources.Objects.Select(o => ((SourceConnection)o.Value).Id));
            Assert.Equal(flow.SourceConnectionIds.Single(), sources.Objects.Single()[PipelineIds.SourceConnectionId]);

            var targets = await RunAsync(new GetTargetConnectionOperation(_world.Client), new ResourceQuery { Name = "Carried target", NameMatches = Like("Carried target") });
            Assert.Equal(flow.TargetConnectionIds.Single(), targets.Single<TargetConnection>().Id);
        }

        [Fact]
        public async Task Datasets_schemas_and_mapping_sets_by_id_name_and_filter()
        {
            var flow = await _world.NewFlowAsync("Catalogued");
            var target = await _world.Client.FlowService.TargetConnections.GetAsync(flow.TargetConnectionIds.Single());
            var datasetId = target.Params!.DataSetId!;
            var mappingId = (string)flow.Transformations!.Single().Params!["mappingId"]!;

            var dataset = await RunAsync(new GetDatasetOperation(_world.Client), new ResourceQuery { Name = "shopify*", NameMatches = Like("shopify*") });
            Assert.Equal(datasetId, dataset.Single<Dataset>().Id);
            var noDataset = await RunAsync(new GetDatasetOperation(_world.Client), new ResourceQuery { Filters = new[] { "name==Nothing" } });
            Assert.Empty(noDataset.Objects);
            var byFilter = await RunAsync(new GetDatasetOperation(_world.Client), new ResourceQuery { Filters = new[] { "name==" + dataset.Single<Dataset>().Name } });
            Assert.Equal(datasetId, byFilter.Single<Dataset>().Id);

            var schemaId = dataset.Single<Dataset>().SchemaRef!.Id;
            var schemas = await RunAsync(new GetXdmSchemaOperation(_world.Client), new ResourceQuery { Name = "Shopify orders*", NameMatches = Like("Shopify orders*") });
            Assert.Equal(schemaId, schemas.Single<XdmSchema>().Id);
            var schemaById = await RunAsync(new GetXdmSchemaOperation(_world.Client), new ResourceQuery { Id = schemaId });
            Assert.Equal(schemaId, schemaById.Single<XdmSchema>().Id);

            // By id as listed: composed from its class and field groups (allOf), not resolved into one list of fields.
            var composition = schemas.Single<XdmSchema>().AllOf!.Select(r => r.Ref).ToList();
            Assert.NotEmpty(composition);
            Assert.Equal(composition, schemaById.Single<XdmSchema>().AllOf?.Select(r => r.Ref));

            var mappingSets = new GetMappingSetOperation(_world.Client);
            Assert.Equal(mappingId, (await RunAsync(mappingSets, new ResourceQuery { Id = mappingId })).Single<MappingSet>().Id);
            Assert.Equal(mappingId, (await RunAsync(mappingSets, new ResourceQuery { Filters = new[] { "outputSchema.schemaRef.id==" + schemaId } })).Single<MappingSet>().Id);
            Assert.Empty((await RunAsync(mappingSets, new ResourceQuery { Filters = new[] { "version>0" } })).Objects);
        }

        [Fact]
        public async Task A_malformed_client_side_filter_is_rejected_before_any_request()
        {
            var before = _world.Engine.Journal.Total;
            var host = new RecordingHost();
            await new GetMappingSetOperation(_world.Client).RunAsync(new ResourceQuery { Filters = new[] { "version" } }, host);

            Assert.Equal("PreflightRejected", Assert.Single(host.Errors).ErrorId);
            Assert.Equal(before, _world.Engine.Journal.Total);
        }

        [Theory]
        [InlineData("Shop*", "Shop")]
        [InlineData("*orders", "orders")]
        [InlineData("a?bcd*e", "bcd")]
        [InlineData("[Ss]hop orders", "hop orders")]
        [InlineData("100`*off*", "100*off")]
        [InlineData("*", "")]
        public void The_longest_literal_of_a_wildcard_is_what_narrows_on_the_server(string pattern, string literal) =>
            Assert.Equal(literal, ResourceListOperation<Dataflow>.LongestLiteral(pattern));
    }
}
