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

            var schemaId = dataset.Single<Dataset>().SchemaRef!.Id;
            var schemas = await RunAsync(new GetXdmSchemaOperation(_world.Client), new ResourceQuery { Name = "Shopify orders*", NameMatches = Like("Shopify orders*") });
            Assert.Equal(schemaId, schemas.Single<XdmSchema>().Id);
            var schemaById = await RunAsync(new GetXdmSchemaOperation(_world.Client), new ResourceQuery { Id = schemaId });
            Assert.Equal(schemaId, schemaById.Single<XdmSchema>().Id);

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

        [Fact]
        public async Task A_name_longer_than_any_name_is_refused_with_an_excerpt_before_any_request()
        {
            var tooLong = new string('x', 257);
            var before = _world.Engine.Journal.Total;
            var host = new RecordingHost();

            await new GetDataflowOperation(_world.Client).RunAsync(new ResourceQuery { Name = tooLong, NameMatches = Like(tooLong), NameIsLiteral = true }, host);

            var error = Assert.Single(host.Errors);
            Assert.Equal("PreflightRejected", error.ErrorId);
            Assert.Equal("-Name: a name has at most 256 characters, so no name matches '" + new string('x', 60) + "… (257 characters)'", error.Exception.Message);
            Assert.Equal(before, _world.Engine.Journal.Total);
        }

        [Fact]
        public async Task A_wildcard_name_whose_longest_literal_is_256_characters_is_looked_for()
        {
            var pattern = "*" + new string('x', 256) + "*";

            var host = await RunAsync(new GetDataflowOperation(_world.Client), new ResourceQuery { Name = pattern, NameMatches = Like(pattern) });

            Assert.Empty(host.Objects);
        }

        [Fact]
        public async Task A_literal_name_that_matches_nothing_is_not_found_with_the_closest_names_and_what_to_run()
        {
            await _world.NewFlowAsync("Shop orders");
            var host = new RecordingHost();

            await new GetDataflowOperation(_world.Client).RunAsync(new ResourceQuery { Name = "Shop ordrs", NameMatches = Like("Shop ordrs"), NameIsLiteral = true }, host);

            var error = Assert.Single(host.Errors);
            Assert.Equal(("DataflowNotFound", OperationErrorCategory.ObjectNotFound), (error.ErrorId, error.Category));
            Assert.Equal("No dataflow is named 'Shop ordrs'. Did you mean 'Shop orders'?", error.Exception.Message);
            Assert.Equal("Use 'Shop orders', or run Get-Dataflow to see them all.", error.RecommendedAction);
        }

        [Fact]
        public async Task Not_found_names_the_kind_in_words_and_suggests_only_among_what_the_filters_keep()
        {
            await _world.NewFlowAsync("Shop orders");
            var schemas = new RecordingHost();
            var bases = new RecordingHost();

            await new GetXdmSchemaOperation(_world.Client).RunAsync(new ResourceQuery { Name = "Nothing like it", NameMatches = Like("Nothing like it"), NameIsLiteral = true }, schemas);
            await new GetBaseConnectionOperation(_world.Client).RunAsync(
                new ResourceQuery { Name = "Shops", NameMatches = Like("Shops"), NameIsLiteral = true, Filters = new[] { " ", "id!=" + _world.Shop.Id } }, bases);

            Assert.Equal("No XDM schema is named 'Nothing like it'.", Assert.Single(schemas.Errors).Exception.Message);
            Assert.Equal("Run Get-XdmSchema to see them all.", Assert.Single(schemas.Errors).RecommendedAction);
            Assert.Equal("No base connection is named 'Shops'.", Assert.Single(bases.Errors).Exception.Message);
        }

        [Fact]
        public async Task An_error_names_the_piped_input_else_the_id_else_the_name()
        {
            const string missing = "0b4f0f1c-0000-4000-8000-000000000000";
            var tooLong = new string('y', 300);
            var operation = new GetDataflowOperation(_world.Client);
            var byId = new RecordingHost();
            var byName = new RecordingHost();
            var piped = new RecordingHost();

            await operation.RunAsync(new ResourceQuery { Id = missing, Name = "ignored" }, byId);
            await operation.RunAsync(new ResourceQuery { Name = tooLong }, byName);
            await operation.RunAsync(new ResourceQuery { Id = missing, Name = "ignored", Target = "row 7" }, piped);

            Assert.Equal(missing, Assert.Single(byId.Errors).Target);
            Assert.Equal(tooLong, Assert.Single(byName.Errors).Target);
            Assert.Equal("row 7", Assert.Single(piped.Errors).Target);
        }

        [Fact]
        public async Task A_resource_whose_name_cannot_be_read_matches_only_a_pattern_that_matches_an_empty_name()
        {
            var flow = await _world.NewFlowAsync("Nameless");
            var stored = _world.Engine.Sandbox("prod")!.Collection("flows").Find(flow.Id)!;
            stored["name"] = stored["createdAt"]!.DeepClone();

            // "?*" (one character or more) has no literal part, so nothing narrows on the server.
            var oneOrMore = await RunAsync(new GetDataflowOperation(_world.Client), new ResourceQuery { Name = "?*", NameMatches = n => n.Length > 0 });
            var any = await RunAsync(new GetDataflowOperation(_world.Client), new ResourceQuery { Name = "*", NameMatches = Like("*") });

            Assert.Empty(oneOrMore.Objects);
            Assert.Equal(flow.Id, any.Single<Dataflow>().Id);
        }

        [Fact]
        public async Task A_literal_name_whose_only_match_was_skipped_is_not_an_error()
        {
            await _world.NewFlowAsync("Shop orders");

            var host = await RunAsync(new GetDataflowOperation(_world.Client), new ResourceQuery { Name = "Shop orders", NameMatches = Like("Shop orders"), NameIsLiteral = true, Skip = 1 });

            Assert.Empty(host.Objects);
        }

        [Fact]
        public async Task IncludeTotalCount_where_the_service_cannot_count_writes_zero_of_unknown_accuracy()
        {
            await _world.NewFlowAsync("Counted");

            var host = await RunAsync(new GetDatasetOperation(_world.Client), new ResourceQuery { TotalCount = (count, accuracy) => "total " + count + " at " + accuracy });

            Assert.Equal("total 0 at 0", host.Objects[0].Value);
            Assert.Equal("Shopify orders", ((Dataset)host.Objects[1].Value).Name);
            Assert.Equal(2, host.Objects.Count);
        }

        [Fact]
        public async Task A_listed_resource_with_an_unreadable_field_is_written_with_a_warning_naming_it()
        {
            var flow = await _world.NewFlowAsync("Odd");
            var stored = _world.Engine.Sandbox("prod")!.Collection("flows").Find(flow.Id)!;
            stored["name"] = stored["createdAt"]!.DeepClone();

            var host = await RunAsync(new GetDataflowOperation(_world.Client), new ResourceQuery());

            Assert.Equal(flow.Id, host.Single<Dataflow>().Id);
            var warning = Assert.Single(host.Warnings);
            Assert.StartsWith("GetDataflow: listed with what could be read of " + flow.Id + ": name left out (", warning, StringComparison.Ordinal);
            Assert.EndsWith(").", warning, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("Shop*", "Shop")]
        [InlineData("*orders", "orders")]
        [InlineData("a?bcd*e", "bcd")]
        [InlineData("[Ss]hop orders", "hop orders")]
        [InlineData("100`*off*", "100*off")]
        [InlineData("*", "")]
        [InlineData("Shop orders*x*", "Shop orders")]
        [InlineData("ab*cd*", "ab")]
        [InlineData("ab*cd", "ab")]
        [InlineData("ab[cd", "ab")]
        [InlineData("100`", "100`")]
        public void The_longest_literal_of_a_wildcard_is_what_narrows_on_the_server(string pattern, string literal) =>
            Assert.Equal(literal, ResourceListOperation<Dataflow>.LongestLiteral(pattern));
    }
}
