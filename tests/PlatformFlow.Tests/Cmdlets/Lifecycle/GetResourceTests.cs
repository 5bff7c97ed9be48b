using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using PlatformFlow.Client.Api;
using PlatformFlow.Client.Errors;
using PlatformFlow.Client.Inputs;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Operations;
using PlatformFlow.Emulator.Engine;
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

        /// <summary>Runs an operation on a new host, failing on any error it writes; the host.</summary>
        private static async Task<RecordingHost> RunAsync(Func<RecordingHost, Task> run)
        {
            var host = new RecordingHost();
            await run(host);
            host.AssertNoErrors();
            return host;
        }

        [Fact]
        public async Task Dataflows_by_id_by_wildcard_name_by_filter_and_all()
        {
            var shopOrders = await _world.NewFlowAsync("Shop orders");
            var shopRefunds = await _world.CopyFlowAsync(shopOrders, "Shop refunds");
            var crm = await _world.CopyFlowAsync(shopOrders, "CRM contacts");
            var operation = new GetDataflowOperation(_world.Client);

            var byId = await RunAsync(host => operation.RunAsync(new ResourceQuery { Id = crm.Id }, host));
            Assert.Equal("CRM contacts", byId.Single<Dataflow>().Name);

            var byName = await RunAsync(host => operation.RunAsync(new ResourceQuery { Name = "shop*", NameMatches = Like("shop*") }, host));
            Assert.Equal(new[] { "Shop orders", "Shop refunds" }, byName.Objects.Select(o => ((Dataflow)o.Value).Name).OrderBy(n => n));

            // The literal part narrows on the server (name~), the wildcard is matched exactly here: "*orders" is not "*orders*".
            var suffix = await RunAsync(host => operation.RunAsync(new ResourceQuery { Name = "*s", NameMatches = Like("*s") }, host));
            Assert.Equal(new[] { "CRM contacts", "Shop orders", "Shop refunds" }, suffix.Objects.Select(o => ((Dataflow)o.Value).Name).OrderBy(n => n));
            var none = await RunAsync(host => operation.RunAsync(new ResourceQuery { Name = "Shop", NameMatches = Like("Shop") }, host));
            Assert.Empty(none.Objects);

            var filtered = await RunAsync(host => operation.RunAsync(new ResourceQuery { Filters = new[] { "name~Shop", "name!=" + "\"Shop orders\"" } }, host));
            Assert.Equal(shopRefunds.Id, filtered.Single<Dataflow>().Id);

            var all = await RunAsync(host => operation.RunAsync(new ResourceQuery(), host));
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

            var bases = await RunAsync(host => new GetBaseConnectionOperation(_world.Client).RunAsync(new ResourceQuery { Name = "Sh*", NameMatches = Like("Sh*") }, host));
            var shop = Assert.Single(bases.Objects);
            Assert.Equal(_world.Shop.Id, shop[PipelineIds.BaseConnectionId]);
            Assert.Equal(WellKnown.ShopifyConnectionSpecId, shop[PipelineIds.ConnectionSpecId]);

            var sources = await RunAsync(host => new GetSourceConnectionOperation(_world.Client).RunAsync(new ResourceQuery { Filters = new[] { "baseConnectionId==" + _world.Shop.Id } }, host));
            Assert.Equal(flow.SourceConnectionIds, sources.Objects.Select(o => ((SourceConnection)o.Value).Id));
            Assert.Equal(flow.SourceConnectionIds.Single(), sources.Objects.Single()[PipelineIds.SourceConnectionId]);

            var targets = await RunAsync(host => new GetTargetConnectionOperation(_world.Client).RunAsync(new ResourceQuery { Name = "Carried target", NameMatches = Like("Carried target") }, host));
            Assert.Equal(flow.TargetConnectionIds.Single(), targets.Single<TargetConnection>().Id);
        }

        [Fact]
        public async Task Datasets_schemas_and_mapping_sets_by_id_name_and_filter()
        {
            var flow = await _world.NewFlowAsync("Catalogued");
            var target = await _world.Client.FlowService.TargetConnections.GetAsync(flow.TargetConnectionIds.Single());
            var datasetId = target.Params!.DataSetId!;
            var mappingId = flow.MappingSetId!;

            var dataset = await RunAsync(host => new GetDatasetOperation(_world.Client).RunAsync(new ResourceQuery { Name = "shopify*", NameMatches = Like("shopify*") }, host));
            Assert.Equal(datasetId, dataset.Single<Dataset>().Id);
            var noDataset = await RunAsync(host => new GetDatasetOperation(_world.Client).RunAsync(new ResourceQuery { Filters = new[] { "name==Nothing" } }, host));
            Assert.Empty(noDataset.Objects);
            var byFilter = await RunAsync(host => new GetDatasetOperation(_world.Client).RunAsync(new ResourceQuery { Filters = new[] { "name==" + dataset.Single<Dataset>().Name } }, host));
            Assert.Equal(datasetId, byFilter.Single<Dataset>().Id);

            var schemaId = dataset.Single<Dataset>().SchemaRef!.Id;
            var schemas = await RunAsync(host => new GetXdmSchemaOperation(_world.Client).RunAsync(new ResourceQuery { Name = "Shopify orders*", NameMatches = Like("Shopify orders*") }, host));
            Assert.Equal(schemaId, schemas.Single<XdmSchema>().Id);
            var schemaById = await RunAsync(host => new GetXdmSchemaOperation(_world.Client).RunAsync(new ResourceQuery { Id = schemaId }, host));
            Assert.Equal(schemaId, schemaById.Single<XdmSchema>().Id);

            // By id as listed: composed from its class and field groups (allOf), not resolved into one list of fields.
            var composition = schemas.Single<XdmSchema>().AllOf!.Select(r => r.Ref).ToList();
            Assert.NotEmpty(composition);
            Assert.Equal(composition, schemaById.Single<XdmSchema>().AllOf?.Select(r => r.Ref));

            var mappingSets = new GetMappingSetOperation(_world.Client);
            var mappingSet = (await RunAsync(host => mappingSets.RunAsync(new ResourceQuery { Id = mappingId }, host))).Objects.Single();
            Assert.Equal(mappingId, ((MappingSet)mappingSet.Value).Id);
            // What New-Dataflow binds from a piped mapping set.
            Assert.Equal((mappingId, (object)0, schemaId), (mappingSet[PipelineIds.MappingSetId], mappingSet[PipelineIds.MappingSetVersion], mappingSet[PipelineIds.SchemaId]));
            Assert.Equal(mappingId, (await RunAsync(host => mappingSets.RunAsync(new ResourceQuery { Filters = new[] { "outputSchema.schemaRef.id==" + schemaId } }, host))).Single<MappingSet>().Id);
            Assert.Empty((await RunAsync(host => mappingSets.RunAsync(new ResourceQuery { Filters = new[] { "version>0" } }, host))).Objects);
            // Every filter must match, not one of them.
            Assert.Empty((await RunAsync(host => mappingSets.RunAsync(new ResourceQuery { Filters = new[] { "outputSchema.schemaRef.id==" + schemaId, "version>0" } }, host))).Objects);
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

            var found = await RunAsync(host => new GetDataflowOperation(_world.Client).RunAsync(new ResourceQuery { Name = pattern, NameMatches = Like(pattern) }, host));

            Assert.Empty(found.Objects);
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
            var oneOrMore = await RunAsync(host => new GetDataflowOperation(_world.Client).RunAsync(new ResourceQuery { Name = "?*", NameMatches = n => n.Length > 0 }, host));
            var any = await RunAsync(host => new GetDataflowOperation(_world.Client).RunAsync(new ResourceQuery { Name = "*", NameMatches = Like("*") }, host));

            Assert.Empty(oneOrMore.Objects);
            Assert.Equal(flow.Id, any.Single<Dataflow>().Id);
        }

        [Fact]
        public async Task A_literal_name_whose_only_match_was_skipped_is_not_an_error()
        {
            await _world.NewFlowAsync("Shop orders");

            var skipped = await RunAsync(host => new GetDataflowOperation(_world.Client).RunAsync(new ResourceQuery { Name = "Shop orders", NameMatches = Like("Shop orders"), NameIsLiteral = true, Skip = 1 }, host));

            Assert.Empty(skipped.Objects);
        }

        [Fact]
        public async Task IncludeTotalCount_where_the_service_cannot_count_writes_zero_of_unknown_accuracy()
        {
            await _world.NewFlowAsync("Counted");

            var counted = await RunAsync(host => new GetDatasetOperation(_world.Client).RunAsync(new ResourceQuery { TotalCount = (count, accuracy) => "total " + count + " at " + accuracy }, host));

            Assert.Equal("total 0 at 0", counted.Objects[0].Value);
            Assert.Equal("Shopify orders", ((Dataset)counted.Objects[1].Value).Name);
            Assert.Equal(2, counted.Objects.Count);
        }

        [Fact]
        public async Task A_listed_resource_with_an_unreadable_field_is_written_with_a_warning_naming_it()
        {
            var flow = await _world.NewFlowAsync("Odd");
            var stored = _world.Engine.Sandbox("prod")!.Collection("flows").Find(flow.Id)!;
            stored["name"] = stored["createdAt"]!.DeepClone();

            var listed = await RunAsync(host => new GetDataflowOperation(_world.Client).RunAsync(new ResourceQuery(), host));

            Assert.Equal(flow.Id, listed.Single<Dataflow>().Id);
            var warning = Assert.Single(listed.Warnings);
            Assert.StartsWith("GetDataflow: listed with what could be read of " + flow.Id + ": name left out (", warning, StringComparison.Ordinal);
            Assert.EndsWith(").", warning, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Connection_specs_come_by_id_by_name_with_or_without_wildcards_and_all()
        {
            var connectionSpecs = new GetConnectionSpecOperation(_world.Client);

            var byId = await RunAsync(host => connectionSpecs.RunAsync(WellKnown.ShopifyConnectionSpecId, null, host));
            Assert.Equal("shopify", byId.Single<ConnectionSpec>().Name);

            var byWildcard = await RunAsync(host => connectionSpecs.RunAsync(null, new NameQuery("s*", Like("s*"), isLiteral: false), host));
            Assert.Equal(new[] { "salesforce", "sftp", "shopify", "square" }, byWildcard.Objects.Select(o => ((ConnectionSpec)o.Value).Name));

            var byLiteral = await RunAsync(host => connectionSpecs.RunAsync(null, new NameQuery("SHOPIFY", Like("SHOPIFY"), isLiteral: true), host));
            Assert.Equal(WellKnown.ShopifyConnectionSpecId, byLiteral.Single<ConnectionSpec>().Id);

            var noneByWildcard = await RunAsync(host => connectionSpecs.RunAsync(null, new NameQuery("x*", Like("x*"), isLiteral: false), host));
            Assert.Empty(noneByWildcard.Objects);

            var all = await RunAsync(host => connectionSpecs.RunAsync(null, null, host));
            Assert.Equal(
                new[] { "amazon-s3", "azure-blob", "DataLake", "dynamics-online", "http-connector", "hubspot", "landing-zone", "salesforce", "sftp", "shopify", "square" },
                all.Objects.Select(o => ((ConnectionSpec)o.Value).Name).OrderBy(n => n, StringComparer.OrdinalIgnoreCase));
        }

        [Fact]
        public async Task A_connection_spec_name_without_wildcards_that_matches_none_is_an_error_suggesting_the_closest()
        {
            var host = new RecordingHost();
            await new GetConnectionSpecOperation(_world.Client).RunAsync(null, new NameQuery("shopfy", Like("shopfy"), isLiteral: true), host);

            Assert.Empty(host.Objects);
            var error = Assert.Single(host.Errors);
            Assert.Equal("ConnectionSpecNotFound", error.ErrorId);
            Assert.Equal(OperationErrorCategory.ObjectNotFound, error.Category);
            Assert.Equal("shopfy", error.Target);
            Assert.Equal("No connection spec is named 'shopfy'. Did you mean 'shopify'?", error.Message);
            Assert.Equal("Use 'shopify', or run Get-ConnectionSpec to see them all.", error.RecommendedAction);
        }

        [Theory]
        [InlineData("Get-ConnectionSpec")]
        [InlineData("Get-SourceTable")]
        public async Task A_connection_spec_or_base_connection_that_does_not_exist_is_an_error_naming_its_id(string cmdlet)
        {
            const string missing = "0b4f0f1c-0000-4000-8000-000000000000";
            var host = new RecordingHost();

            await (cmdlet switch
            {
                "Get-ConnectionSpec" => new GetConnectionSpecOperation(_world.Client).RunAsync(missing, null, host),
                "Get-SourceTable" => new GetSourceTableOperation(_world.Client).RunAsync(new SourceTableQuery { BaseConnectionId = missing }, host),
                _ => throw new ArgumentOutOfRangeException(nameof(cmdlet)),
            });

            var error = Assert.Single(host.Errors);
            Assert.Equal(OperationErrorCategory.ObjectNotFound, error.Category);
            Assert.Equal(missing, error.Target);
            Assert.StartsWith(missing + ": ", error.Message);
        }

        [Theory]
        [InlineData("4f63aa36-bd48-4e33-bb83-49fbcd11c708", "GET /connectionSpecs/4f63aa36-bd48-4e33-bb83-49fbcd11c708")]
        [InlineData("SHOPIFY", "GET /connectionSpecs")]
        public async Task A_connection_spec_is_resolved_by_id_or_by_its_name_in_any_case(string idOrName, string request)
        {
            _world.Engine.Journal.Clear();

            var spec = await ConnectionSpecResolver.ResolveAsync(_world.Client, idOrName, default);

            Assert.Equal("shopify", spec.Name);
            Assert.Equal(new[] { request }, _world.Engine.Journal.Recent.Where(e => e.Path.StartsWith("/data/", StringComparison.Ordinal)).Select(e => e.Call()));
        }

        [Fact]
        public async Task A_connection_spec_name_that_matches_none_is_refused_saying_where_the_names_are_listed()
        {
            var error = await Assert.ThrowsAsync<PlatformValidationException>(() => ConnectionSpecResolver.ResolveAsync(_world.Client, "Shopfy", default));

            Assert.Equal("connection spec: no connection spec is named 'Shopfy' (Get-ConnectionSpec lists them)", error.Message);
        }

        [Fact]
        public async Task A_flow_spec_by_id_or_name_carries_its_id_and_in_a_pipeline_the_ids_it_received()
        {
            var flowSpecs = new GetFlowSpecOperation(_world.Client);

            var byId = await RunAsync(host => flowSpecs.RunAsync(new FlowSpecQuery { Id = "14518937-270c-4525-bdec-c2ba7cce3860" }, host));
            var alone = Assert.Single(byId.Objects);
            Assert.Equal("CRMToAEP", ((FlowSpec)alone.Value).Name);
            Assert.Equal(new[] { "FlowSpecId=14518937-270c-4525-bdec-c2ba7cce3860" }, alone.PipelineProperties.Select(p => p.Key + "=" + p.Value));

            var carried = new PipelineIds().With(PipelineIds.FlowName, "Row 1").With(PipelineIds.SourceConnectionId, "source-1");
            var piped = await RunAsync(host => flowSpecs.RunAsync(new FlowSpecQuery { Name = "crmtoaep", Carried = carried, FromPipeline = true }, host));
            Assert.Equal(
                new[] { "FlowName=Row 1", "SourceConnectionId=source-1", "FlowSpecId=14518937-270c-4525-bdec-c2ba7cce3860" },
                Assert.Single(piped.Objects).PipelineProperties.Select(p => p.Key + "=" + p.Value));

            var listed = await RunAsync(host => flowSpecs.RunAsync(new FlowSpecQuery { Carried = carried, FromPipeline = false }, host));
            Assert.All(listed.Objects, o => Assert.Equal(new[] { "FlowSpecId=" + ((FlowSpec)o.Value).Id }, o.PipelineProperties.Select(p => p.Key + "=" + p.Value)));
        }

        [Fact]
        public async Task A_flow_spec_name_that_matches_none_is_an_error_of_the_row_suggesting_the_closest()
        {
            var host = new RecordingHost();
            await new GetFlowSpecOperation(_world.Client).RunAsync(
                new FlowSpecQuery { Name = "CRMToAPE", Carried = new PipelineIds().With(PipelineIds.FlowName, "Row 1"), FromPipeline = true, Target = "row" },
                host);

            Assert.Empty(host.Objects);
            var error = Assert.Single(host.Errors);
            Assert.Equal("FlowSpecNotFound", error.ErrorId);
            Assert.Equal("row", error.Target);
            Assert.Equal("Row 1: No flow spec is named 'CRMToAPE'. Did you mean 'CRMToAEP'?", error.Message);
            Assert.Equal("Use 'CRMToAEP', or run Get-FlowSpec to see them all.", error.RecommendedAction);
        }

        [Fact]
        public async Task A_missing_flow_spec_id_or_name_without_a_piped_input_is_an_error_naming_what_was_asked_for()
        {
            var host = new RecordingHost();
            await new GetFlowSpecOperation(_world.Client).RunAsync(new FlowSpecQuery { Id = "0b4f0f1c-0000-4000-8000-000000000000" }, host);
            await new GetFlowSpecOperation(_world.Client).RunAsync(new FlowSpecQuery { Name = "CRMToAPE" }, host);

            Assert.Equal(new[] { "0b4f0f1c-0000-4000-8000-000000000000", "CRMToAPE" }, host.Errors.Select(e => e.Target));
            Assert.Equal(OperationErrorCategory.ObjectNotFound, host.Errors[0].Category);
        }

        [Fact]
        public async Task The_flow_spec_of_a_source_is_the_one_that_accepts_its_connection_spec_said_in_verbose()
        {
            var picked = await RunAsync(host => new GetFlowSpecOperation(_world.Client).RunAsync(new FlowSpecQuery { ConnectionSpecId = "4f63aa36-bd48-4e33-bb83-49fbcd11c708", Target = "row" }, host));

            Assert.Equal("14518937-270c-4525-bdec-c2ba7cce3860", picked.Single<FlowSpec>().Id);
            Assert.Equal(
                new[] { "Picked flow spec CRMToAEP (14518937-270c-4525-bdec-c2ba7cce3860): the only one that accepts sources of connection spec 4f63aa36-bd48-4e33-bb83-49fbcd11c708." },
                picked.Verbose);
        }

        [Fact]
        public async Task A_source_no_flow_spec_accepts_is_refused_naming_its_connection_spec()
        {
            var host = new RecordingHost();
            await new GetFlowSpecOperation(_world.Client).RunAsync(new FlowSpecQuery { ConnectionSpecId = "c604ff05-7f1a-43c0-8e18-33bf874cb11c", Target = "row" }, host);

            Assert.Empty(host.Objects);
            var error = Assert.Single(host.Errors);
            Assert.Equal("PreflightRejected", error.ErrorId);
            Assert.Equal("row", error.Target);
            Assert.Equal("flow spec: no flow spec accepts sources of connection spec c604ff05-7f1a-43c0-8e18-33bf874cb11c", error.Message);
        }

        [Fact]
        public async Task A_source_several_flow_specs_accept_is_refused_naming_them_and_a_listing_shows_them_all()
        {
            using var client = TestPlatform.NewClientThrough(new EmulatorEngine(new EmulatorOptions()), emulator => new AnswerRewriter(emulator, "/flowSpecs", WithSecondFlowSpec));

            var ambiguous = new RecordingHost();
            await new GetFlowSpecOperation(client).RunAsync(new FlowSpecQuery { ConnectionSpecId = "4f63aa36-bd48-4e33-bb83-49fbcd11c708" }, ambiguous);
            var all = await RunAsync(host => new GetFlowSpecOperation(client).RunAsync(new FlowSpecQuery(), host));

            Assert.Empty(ambiguous.Objects);
            Assert.Equal(
                "flow spec: several flow specs accept sources of connection spec 4f63aa36-bd48-4e33-bb83-49fbcd11c708 (CRMToAEP, CRMToAEPDaily); choose one with -Name",
                Assert.Single(ambiguous.Errors).Message);
            Assert.Equal(new[] { "CRMToAEP", "CRMToAEPDaily" }, all.Objects.Select(o => ((FlowSpec)o.Value).Name).Where(n => n.StartsWith("CRMToAEP", StringComparison.Ordinal)));
        }

        [Fact]
        public async Task A_base_connection_lists_its_tables_each_carrying_the_base_connection_id()
        {
            await _world.NewFlowAsync("Explored");

            var tables = await RunAsync(host => new GetSourceTableOperation(_world.Client).RunAsync(new SourceTableQuery { BaseConnectionId = _world.Shop.Id }, host));

            Assert.Equal(new[] { "Shopify.Orders", "Shopify.Customers", "Shopify.Products" }, tables.Objects.Select(o => ((ExploreItem)o.Value).Path));
            Assert.All(tables.Objects, o => Assert.Equal(new[] { "BaseConnectionId=" + _world.Shop.Id }, o.PipelineProperties.Select(p => p.Key + "=" + p.Value)));
        }

        [Fact]
        public async Task A_table_is_described_by_its_columns_and_with_preview_its_sample_rows()
        {
            await _world.NewFlowAsync("Described");

            var tables = new GetSourceTableOperation(_world.Client);

            var described = (await RunAsync(host => tables.RunAsync(new SourceTableQuery { BaseConnectionId = _world.Shop.Id, TableName = "Shopify.Orders" }, host))).Single<SourceTable>();
            var previewed = (await RunAsync(host => tables.RunAsync(new SourceTableQuery { BaseConnectionId = _world.Shop.Id, TableName = "Shopify.Orders", Preview = true }, host))).Single<SourceTable>();

            Assert.Equal(_world.Shop.Id, described.BaseConnectionId);
            Assert.Equal("Shopify.Orders", described.TableName);
            Assert.Equal(12, described.Columns.Count);
            Assert.Equal("Email string", described.Columns[1].Name + " " + described.Columns[1].Type);
            Assert.Null(described.Preview);
            Assert.Equal(12, previewed.Columns.Count);
            Assert.Equal(5, previewed.Preview!.Count);
            Assert.Equal("mia.jensen@example.com", ((PropertyBag)previewed.Preview[0])["Email"]);
        }

        [Fact]
        public async Task A_table_the_source_does_not_have_is_an_error_suggesting_the_closest_path()
        {
            await _world.NewFlowAsync("Missing table");
            var host = new RecordingHost();

            await new GetSourceTableOperation(_world.Client).RunAsync(new SourceTableQuery { BaseConnectionId = _world.Shop.Id, TableName = "Shopify.Order" }, host);

            Assert.Empty(host.Objects);
            var error = Assert.Single(host.Errors);
            Assert.Equal("SourceTableNotFound", error.ErrorId);
            Assert.Equal("Shopify.Order", error.Target);
            Assert.Equal("Shopify.Order: No table is named 'Shopify.Order'. Did you mean 'Shopify.Orders'?", error.Message);
            Assert.Equal("Use 'Shopify.Orders', or run Get-SourceTable -BaseConnectionId " + _world.Shop.Id + " to see them all.", error.RecommendedAction);
        }

        [Fact]
        public async Task A_table_missing_from_a_source_that_names_its_tables_apart_from_their_paths_is_suggested_by_path()
        {
            using var client = TestPlatform.NewClientThrough(new EmulatorEngine(new EmulatorOptions()), emulator => new AnswerRewriter(emulator, "/explore", ExploreAnswers.ShortNamesAndAPathlessTable));
            var shop = await TestPlatform.CreateShopifyConnectionAsync(client, "Shop");
            var host = new RecordingHost();

            await new GetSourceTableOperation(client).RunAsync(new SourceTableQuery { BaseConnectionId = shop.Id, TableName = "Shopify.Orderz", Target = "input" }, host);
            await new GetSourceTableOperation(client).RunAsync(new SourceTableQuery { BaseConnectionId = shop.Id, TableName = "Shopify.Customerz", Target = "input" }, host);

            Assert.Equal(
                new[] { "Shopify.Orderz: No table is named 'Shopify.Orderz'. Did you mean 'Shopify.Orders'?", "Shopify.Customerz: No table is named 'Shopify.Customerz'. Did you mean 'Shopify.Customers'?" },
                host.Errors.Select(e => e.Message));
            Assert.All(host.Errors, e => Assert.Equal("input", e.Target));
        }

        /// <summary>The platform's flow spec list with a second spec that accepts the same sources.</summary>
        private static JsonNode WithSecondFlowSpec(JsonNode answer)
        {
            var items = answer["items"]!.AsArray();
            var copy = items.First(i => (string?)i!["name"] == "CRMToAEP")!.DeepClone();
            copy["id"] = "3a9c1b52-0000-4000-8000-00000000da11";
            copy["name"] = "CRMToAEPDaily";
            items.Add(copy);
            return answer;
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
