using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using PlatformFlow.Client.Inputs;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Operations;
using PlatformFlow.Tests.Support;
using Xunit;

namespace PlatformFlow.Tests.Cmdlets
{
    /// <summary>
    /// Calculated fields through the cmdlets' logic: New-MappingSet's '=' sources and their validation; Test-MappingSet;
    /// Test-BaseConnection. The -WhatIf preview of a piped plan is proven in real pwsh (tests/Checks.Tests.ps1).
    /// </summary>
    public sealed class CalculatedFieldTests : IDisposable
    {
        private readonly TestPlatform _platform = new TestPlatform();

        public void Dispose() => _platform.Dispose();

        private long PlatformWrites => _platform.Engine.Journal.DataWrites();

        private Task<(XdmSchema Schema, Dataset Dataset, BaseConnection Base)> PrerequisitesAsync() => new FlowBuilder(_platform.Client).PrerequisitesAsync();

        /// <summary>A source connection on Shopify.Orders and its target on the dataset, each step given the ids the one before carried.</summary>
        private async Task<EmittedObject> SourceAndTargetAsync(string flowName, BaseConnection shop, Dataset dataset, string[] columns)
        {
            var source = await Step(host => new NewSourceConnectionOperation(_platform.Client).RunAsync(
                new SourceConnectionInput { FlowName = flowName, BaseConnectionId = shop.Id, TableName = "Shopify.Orders", Columns = columns.Select(c => new SourceColumn { Name = c }).ToList() }, host));
            var target = await Step(host => new NewTargetConnectionOperation(_platform.Client).RunAsync(
                new TargetConnectionInput { FlowName = flowName, DatasetId = dataset.Id, Carried = PipelineIds.From(source.Objects.Single().PipelineProperties) }, host));
            return target.Objects.Single();
        }

        /// <summary>New-MappingSet as the piped target connection's properties would give it its ids.</summary>
        private async Task<RecordingHost> MappingAsync(string source, string destination, EmittedObject target) =>
            (await NewMappingSetAsync(new MappingSetInput
            {
                Mappings = new[] { Mapping.FromPair(source, destination) },
                TargetConnectionId = ((TargetConnection)target.Value).Id,
                SourceConnectionId = (string?)target[PipelineIds.SourceConnectionId],
                SchemaId = (string?)target[PipelineIds.SchemaId],
                Carried = PipelineIds.From(target.PipelineProperties),
                Target = target.Value,
            })).Host;

        private static async Task<RecordingHost> Step(Func<RecordingHost, Task> run)
        {
            var host = new RecordingHost();
            await run(host);
            return host;
        }

        [Theory]
        [InlineData("=lower(Email)", "EXPRESSION", "lower(Email)")]
        [InlineData("= concat(a, b) ", "EXPRESSION", "concat(a, b)")]
        [InlineData("Email", "ATTRIBUTE", "Email")]
        public void A_source_starting_with_equals_is_an_expression(string source, string sourceType, string sent)
        {
            var mapping = Mapping.FromPair(source, "personalEmail.address");

            Assert.Equal(sourceType, mapping.SourceType);
            Assert.Equal(sent, mapping.Source);
        }

        [Fact]
        public async Task New_mapping_set_sends_calculated_fields_after_the_platform_validated_them()
        {
            var (_, dataset, shop) = await PrerequisitesAsync();
            var target = await SourceAndTargetAsync("Calc", shop, dataset, new[] { "Email", "Phone" });
            var mark = _platform.Engine.Journal.Total;

            var created = await MappingAsync("=lower(Email)", "personalEmail.address", target);

            Assert.Empty(created.Errors);
            var mappingSet = created.Single<MappingSet>();
            Assert.Equal(("EXPRESSION", "lower(Email)"), (mappingSet.Mappings!.Single().SourceType, mappingSet.Mappings!.Single().Source));
            var calls = _platform.Engine.Journal.Since(mark);
            Assert.Equal(new[] { "POST /mappingSets/validate", "POST /mappingSets" }, calls.Where(c => c.Method == "POST").Select(c => c.Call()));
            Assert.False(calls.Single(c => c.Path.EndsWith("/validate", StringComparison.Ordinal)).IsWrite);
        }

        [Fact]
        public async Task New_mapping_set_validates_a_calculated_field_among_plain_ones_before_sending()
        {
            var (_, dataset, shop) = await PrerequisitesAsync();
            var target = await SourceAndTargetAsync("Mixed", shop, dataset, new[] { "Email" });
            var writes = PlatformWrites;

            var (host, requests) = await NewMappingSetAsync(new MappingSetInput
            {
                Mappings = new[] { Mapping.FromPair("Email", "personalEmail.address"), Mapping.FromPair("=zzqx(Email)", "person.name.fullName") },
                SchemaId = (string?)target[PipelineIds.SchemaId],
            });

            var error = Assert.Single(host.Errors);
            Assert.Equal(("PreflightRejected", "mapping set: '=zzqx(Email) -> person.name.fullName': UNKNOWN_FUNCTION: Unknown function 'zzqx'; the Data Prep mapping functions page lists the supported ones (at character 1)"), (error.ErrorId, error.Message));
            Assert.Contains("POST /mappingSets/validate", requests);
            Assert.Equal(writes, PlatformWrites);
        }

        [Fact]
        public async Task New_mapping_set_checks_no_source_against_a_source_connection_that_names_no_columns()
        {
            var (schema, dataset, shop) = await PrerequisitesAsync();
            // Made through the client: New-SourceConnection always names the table's columns.
            var sourceId = (await _platform.Client.FlowService.SourceConnections.CreateAsync(new SourceConnectionRequest
            {
                Name = "NoColumns source",
                BaseConnectionId = shop.Id,
                Params = new SourceParams { TableName = "Shopify.Orders" },
                ConnectionSpec = new SpecReference(WellKnown.ShopifyConnectionSpecId, "1.0"),
            })).Id;

            var (host, _) = await NewMappingSetAsync(new MappingSetInput { Mappings = new[] { Mapping.FromPair("Mail", "personalEmail.address") }, SchemaId = schema.Id, SourceConnectionId = sourceId });

            Assert.Equal("Mail -> personalEmail.address", ((MappingSet)host.OnlyObject().Value).Mappings!.Single().ToString());
        }

        [Fact]
        public async Task New_mapping_set_checks_no_destination_against_a_schema_that_lists_no_fields()
        {
            var (schema, _, _) = await PrerequisitesAsync();
            var schemaGet = schema.Id.Substring(schema.Id.LastIndexOf('/') + 1);
            using var client = TestPlatform.NewClient(_platform.Engine, wrap: emulator => new AnswerRewriter(emulator, schemaGet, AnswerRewriter.Replacing("\"properties\":", "\"notProperties\":")));
            var host = new RecordingHost();

            await new NewMappingSetOperation(client).RunAsync(new MappingSetInput { Mappings = new[] { Mapping.FromPair("Email", "personalEmail.address") }, SchemaId = schema.Id }, host);

            Assert.Equal("Created", host.OnlyObject()[PipelineIds.MappingSetOutcome]);
        }

        [Fact]
        public async Task The_schema_given_wins_over_the_carried_one_which_wins_over_the_target_connections()
        {
            var (schema, dataset, shop) = await PrerequisitesAsync();
            var targetId = ((TargetConnection)(await SourceAndTargetAsync("Schemas", shop, dataset, new[] { "Email" })).Value).Id;
            var email = new[] { Mapping.FromPair("Email", "personalEmail.address") };
            var other = new PipelineIds().With(PipelineIds.SchemaId, "https://ns.adobe.com/tenant/schemas/other");
            var carried = new PipelineIds().With(PipelineIds.SchemaId, schema.Id);

            var (given, _) = await NewMappingSetAsync(new MappingSetInput { Mappings = email, SchemaId = schema.Id, TargetConnectionId = "not-read", Carried = other }, ChangeDecision.WhatIf);
            var (fromPipeline, _) = await NewMappingSetAsync(new MappingSetInput { Mappings = email, TargetConnectionId = "not-read", Carried = carried }, ChangeDecision.WhatIf);
            var (tested, testRequests) = await TestMappingSetAsync(new MappingSetTestInput { Mappings = email, SchemaId = schema.Id, TargetConnectionId = targetId, Carried = other });
            var (testedFromPipeline, _) = await TestMappingSetAsync(new MappingSetTestInput { Mappings = email, TargetConnectionId = "not-read", Carried = carried });

            Assert.Equal(new[] { (schema.Id, "Create mapping set (1 mappings onto " + schema.Id + ")") }, given.Asked);
            Assert.Equal(new[] { (schema.Id, "Create mapping set (1 mappings onto " + schema.Id + ")") }, fromPipeline.Asked);
            Assert.Equal(new object[] { true }, tested.Objects.Select(o => o.Value));
            Assert.Equal(new[] { "POST /mappingSets/validate" }, testRequests);
            Assert.Equal(new object[] { true }, testedFromPipeline.Objects.Select(o => o.Value));
        }

        [Fact]
        public async Task New_mapping_set_refuses_a_field_the_source_connection_does_not_read()
        {
            var (_, dataset, shop) = await PrerequisitesAsync();
            var target = await SourceAndTargetAsync("Calc", shop, dataset, new[] { "Email" });
            var writes = PlatformWrites;

            var refused = await MappingAsync("=concat(Email, Phone)", "personalEmail.address", target);

            var error = Assert.Single(refused.Errors);
            Assert.Equal("PreflightRejected", error.ErrorId);
            Assert.Contains("'=concat(Email, Phone) -> personalEmail.address': UNKNOWN_SOURCE_FIELD", error.Message);
            Assert.Equal(writes, PlatformWrites);
        }

        [Fact]
        public async Task Test_mapping_set_previews_given_rows_and_names_a_row_a_mapping_fails_on()
        {
            var (schema, _, _) = await PrerequisitesAsync();
            var host = new RecordingHost();
            var input = new MappingSetTestInput
            {
                SchemaId = schema.Id,
                Mappings = new[] { Mapping.FromPair("=to_integer(Age)", "person.birthYear") },
                Sample = new[] { JsonNode.Parse(@"{""Age"": ""1990""}")!.AsObject(), JsonNode.Parse(@"{""Age"": ""ninety""}")!.AsObject() },
            };

            await new TestMappingSetOperation(_platform.Client).RunAsync(input, host);

            var records = host.Objects.Select(o => Assert.IsType<OrderedDictionary>(o.Value)).ToList();
            Assert.Equal(2, records.Count);
            Assert.Equal(1990L, ((OrderedDictionary)records[0]["person"]!)["birthYear"]);
            Assert.Empty(records[1]);
            var error = Assert.Single(host.Errors);
            Assert.Equal("MAPPER-3701-400", error.ErrorId);
            Assert.Equal("'=to_integer(Age) -> person.birthYear' on sample row 1: MAPPER-3701-400: person.birthYear: to_integer failed: The input string 'ninety' was not in a correct format. (at character 1)", error.Message);
            Assert.Same(input.Sample[1], error.Target);
        }

        private async Task<(RecordingHost Host, IReadOnlyList<string> Requests)> TestMappingSetAsync(MappingSetTestInput input)
        {
            var mark = _platform.Engine.Journal.Total;
            var host = new RecordingHost();
            await new TestMappingSetOperation(_platform.Client).RunAsync(input, host);
            return (host, _platform.Engine.Journal.CallsSince(mark));
        }

        /// <summary>One PreflightRejected error with exactly <paramref name="message"/>, nothing written, no request sent.</summary>
        private static void AssertRefusedBeforeSending((RecordingHost Host, IReadOnlyList<string> Requests) run, string message)
        {
            var error = Assert.Single(run.Host.Errors);
            Assert.Equal(("PreflightRejected", message), (error.ErrorId, error.Message));
            Assert.Empty(run.Host.Objects);
            Assert.Empty(run.Requests);
        }

        private static readonly string[] OrderEmails = { "mia.jensen@example.com", "lucas.martin@example.com", "jiwoo.kim@example.com", "ana.souza@example.com", "noah.smith@example.com" };

        [Fact]
        public async Task Test_mapping_set_checks_a_piped_mapping_set_on_the_platform_and_writes_true()
        {
            var (_, dataset, shop) = await PrerequisitesAsync();
            var mappingSet = (await MappingAsync("Email", "personalEmail.address", await SourceAndTargetAsync("Piped", shop, dataset, new[] { "Email" }))).Single<MappingSet>();

            var (host, requests) = await TestMappingSetAsync(new MappingSetTestInput { MappingSetId = mappingSet.Id });

            Assert.Empty(host.Errors);
            Assert.Equal(new object[] { true }, host.Objects.Select(o => o.Value));
            Assert.Equal(new[] { "GET /mappingSets/" + mappingSet.Id, "POST /mappingSets/validate" }, requests);
        }

        [Fact]
        public async Task Test_mapping_set_without_Preview_validates_with_the_source_tables_columns_instead_of_previewing_its_rows()
        {
            var (schema, dataset, shop) = await PrerequisitesAsync();
            var sourceId = (string)(await SourceAndTargetAsync("Columns", shop, dataset, new[] { "Email" }))[PipelineIds.SourceConnectionId]!;

            var (host, requests) = await TestMappingSetAsync(new MappingSetTestInput { Mappings = new[] { Mapping.FromPair("Email", "personalEmail.address") }, SchemaId = schema.Id, SourceConnectionId = sourceId, TargetConnectionId = "not-read" });

            Assert.Empty(host.Errors);
            Assert.Equal(new object[] { true }, host.Objects.Select(o => o.Value));
            Assert.Equal(new[] { "GET /sourceConnections/" + sourceId, "GET /connections/" + shop.Id + "/explore", "POST /mappingSets/validate" }, requests);
        }

        [Fact]
        public async Task Test_mapping_set_names_each_problem_of_proposed_mappings_on_the_target_connections_schema_and_writes_false()
        {
            var (_, dataset, shop) = await PrerequisitesAsync();
            var target = (TargetConnection)(await SourceAndTargetAsync("Proposed", shop, dataset, new[] { "Email" })).Value;

            var (host, requests) = await TestMappingSetAsync(new MappingSetTestInput
            {
                Mappings = new[] { Mapping.FromPair("=zzqx(Email)", "personalEmail.address"), Mapping.FromPair("Email", "personalEmail.address") },
                TargetConnectionId = target.Id,
            });

            Assert.Equal(new object[] { false }, host.Objects.Select(o => o.Value));
            var error = Assert.Single(host.Errors);
            Assert.Equal(("MappingUnknownFunction", OperationErrorCategory.InvalidData), (error.ErrorId, error.Category));
            Assert.Equal("'=zzqx(Email) -> personalEmail.address': UNKNOWN_FUNCTION: Unknown function 'zzqx'; the Data Prep mapping functions page lists the supported ones (at character 1)", error.Message);
            Assert.Equal("=zzqx(Email) -> personalEmail.address", Assert.IsType<Mapping>(error.Target).ToString());
            Assert.Equal("Correct the mapping (Adobe's \"Data Prep mapping functions\" page lists the functions the platform knows), then run Test-MappingSet again.", error.RecommendedAction);
            Assert.Equal(new[] { "GET /targetConnections/" + target.Id, "POST /mappingSets/validate" }, requests);
        }

        [Fact]
        public async Task Test_mapping_set_refuses_what_it_cannot_check_before_sending_anything()
        {
            var email = new[] { Mapping.FromPair("Email", "personalEmail.address") };
            var plannedMappingSet = Planned.NewId("mappingSet");
            var cases = new (MappingSetTestInput Input, string Message)[]
            {
                (new MappingSetTestInput { Carried = new PipelineIds().With(PipelineIds.FlowName, "Orders") }, "Orders: mapping set: give -Mapping (with a target), or pipe a mapping set"),
                (new MappingSetTestInput { MappingSetId = plannedMappingSet, Carried = new PipelineIds().With(PipelineIds.FlowName, "Orders") }, plannedMappingSet + ": mapping set: a planned mapping set (from -WhatIf) has nothing to check on the platform; give its -Mapping instead"),
                (new MappingSetTestInput { Mappings = email, TargetConnectionId = Planned.NewId("targetConnection") }, "mapping set: the target schema is not known: give -SchemaId or pipe a target connection"),
                (new MappingSetTestInput { Mappings = email, SchemaId = "https://ns.adobe.com/tenant/schemas/s1", Preview = true }, "mapping set: -Preview needs the source table: pipe a source connection (or Get-SourceTable's output), or give -Sample rows"),
                (new MappingSetTestInput { Mappings = email, SchemaId = "https://ns.adobe.com/tenant/schemas/s1", Preview = true, SourceConnectionId = Planned.NewId("sourceConnection") }, "mapping set: -Preview needs the source table: pipe a source connection (or Get-SourceTable's output), or give -Sample rows"),
                (new MappingSetTestInput { Mappings = email, SchemaId = "https://ns.adobe.com/tenant/schemas/s1", Preview = true, Carried = new PipelineIds().With(PipelineIds.BaseConnectionId, Planned.NewId("baseConnection")).With(PipelineIds.TableName, "Shopify.Orders") }, "mapping set: -Preview needs the source table: pipe a source connection (or Get-SourceTable's output), or give -Sample rows"),
                (new MappingSetTestInput { Mappings = email, SchemaId = "https://ns.adobe.com/tenant/schemas/s1", Preview = true, Carried = new PipelineIds().With(PipelineIds.BaseConnectionId, "base-1") }, "mapping set: -Preview needs the source table: pipe a source connection (or Get-SourceTable's output), or give -Sample rows"),
            };

            foreach (var (input, message) in cases)
            {
                AssertRefusedBeforeSending(await TestMappingSetAsync(input), message);
            }
        }

        [Fact]
        public async Task Test_mapping_set_previews_the_sample_rows_of_a_piped_source_connections_table()
        {
            var (schema, dataset, shop) = await PrerequisitesAsync();
            var sourceId = (string)(await SourceAndTargetAsync("Preview", shop, dataset, new[] { "Email" }))[PipelineIds.SourceConnectionId]!;

            var (host, requests) = await TestMappingSetAsync(new MappingSetTestInput { Mappings = new[] { Mapping.FromPair("Email", "personalEmail.address") }, SchemaId = schema.Id, SourceConnectionId = sourceId, Preview = true });

            Assert.Empty(host.Errors);
            Assert.Equal(OrderEmails, host.Objects.Select(o => ((OrderedDictionary)((OrderedDictionary)o.Value)["personalEmail"]!)["address"]));
            Assert.Equal(new[] { "GET /sourceConnections/" + sourceId, "GET /connections/" + shop.Id + "/explore", "POST /mappingSets/preview" }, requests);
        }

        [Fact]
        public async Task Test_mapping_set_reads_the_given_source_connection_before_the_carried_one_when_the_carried_table_is_incomplete()
        {
            var (schema, dataset, shop) = await PrerequisitesAsync();
            var sourceId = (string)(await SourceAndTargetAsync("Given", shop, dataset, new[] { "Email" }))[PipelineIds.SourceConnectionId]!;
            var email = new[] { Mapping.FromPair("Email", "personalEmail.address") };

            var (given, givenRequests) = await TestMappingSetAsync(new MappingSetTestInput { Mappings = email, SchemaId = schema.Id, SourceConnectionId = sourceId, Carried = new PipelineIds().With(PipelineIds.SourceConnectionId, "not-read").With(PipelineIds.BaseConnectionId, shop.Id), Preview = true });
            var (carried, carriedRequests) = await TestMappingSetAsync(new MappingSetTestInput { Mappings = email, SchemaId = schema.Id, Carried = new PipelineIds().With(PipelineIds.SourceConnectionId, sourceId).With(PipelineIds.TableName, "Shopify.Orders"), Preview = true });

            foreach (var (host, requests) in new[] { (given, givenRequests), (carried, carriedRequests) })
            {
                Assert.Empty(host.Errors);
                Assert.Equal(5, host.Objects.Count);
                Assert.Equal(new[] { "GET /sourceConnections/" + sourceId, "GET /connections/" + shop.Id + "/explore", "POST /mappingSets/preview" }, requests);
            }
        }

        [Fact]
        public async Task Test_mapping_set_previews_the_table_the_pipeline_carries_without_reading_the_source_connection()
        {
            var (schema, _, shop) = await PrerequisitesAsync();
            var carried = new PipelineIds().With(PipelineIds.BaseConnectionId, shop.Id).With(PipelineIds.TableName, "Shopify.Orders").With(PipelineIds.SourceConnectionId, "not-read");

            var (host, requests) = await TestMappingSetAsync(new MappingSetTestInput { Mappings = new[] { Mapping.FromPair("Email", "personalEmail.address") }, SchemaId = schema.Id, Carried = carried, Preview = true });

            Assert.Empty(host.Errors);
            Assert.Equal(5, host.Objects.Count);
            Assert.Equal(new[] { "GET /connections/" + shop.Id + "/explore", "POST /mappingSets/preview" }, requests);
        }

        [Fact]
        public async Task Test_mapping_set_previews_given_rows_rather_than_the_table_and_names_a_mapping_the_platform_cannot_run()
        {
            var (schema, _, shop) = await PrerequisitesAsync();
            var carried = new PipelineIds().With(PipelineIds.BaseConnectionId, shop.Id).With(PipelineIds.TableName, "Shopify.Orders");
            var sample = new[] { JsonNode.Parse(@"{""Email"": ""a@b.c""}")!.AsObject() };

            var (host, requests) = await TestMappingSetAsync(new MappingSetTestInput
            {
                Mappings = new[] { Mapping.FromPair("Email", "personalEmail.address"), Mapping.FromPair("=zzqx(Email)", "person.name.fullName") },
                SchemaId = schema.Id,
                Carried = carried,
                Sample = sample,
                Preview = true,
            });

            Assert.Equal("a@b.c", ((OrderedDictionary)((OrderedDictionary)host.Single<OrderedDictionary>())["personalEmail"]!)["address"]);
            var error = Assert.Single(host.Errors);
            Assert.Equal(("MappingUnknownFunction", OperationErrorCategory.InvalidData), (error.ErrorId, error.Category));
            Assert.Equal("'=zzqx(Email) -> person.name.fullName': UNKNOWN_FUNCTION: Unknown function 'zzqx'; the Data Prep mapping functions page lists the supported ones (at character 1)", error.Message);
            Assert.Equal("=zzqx(Email) -> person.name.fullName", error.Target);
            Assert.Equal(new[] { "GET /connections/" + shop.Id + "/explore", "POST /mappingSets/preview" }, requests);
        }

        private async Task<(RecordingHost Host, IReadOnlyList<string> Requests)> NewMappingSetAsync(MappingSetInput input, ChangeDecision decision = ChangeDecision.Proceed)
        {
            var mark = _platform.Engine.Journal.Total;
            var host = new RecordingHost(decision);
            await new NewMappingSetOperation(_platform.Client).RunAsync(input, host);
            return (host, _platform.Engine.Journal.CallsSince(mark));
        }

        [Fact]
        public async Task New_mapping_set_refuses_no_mappings_or_an_unknown_schema_naming_the_flow_before_sending_anything()
        {
            var orders = new PipelineIds().With(PipelineIds.FlowName, "Orders");
            var email = new[] { Mapping.FromPair("Email", "personalEmail.address") };
            var cases = new (MappingSetInput Input, string Message)[]
            {
                (new MappingSetInput { Carried = orders }, "Orders: mapping set: Mapping: give at least one mapping (source = destination)"),
                (new MappingSetInput { Mappings = email, Carried = orders }, "Orders: mapping set: the target schema is not known: give -SchemaId or pipe a target connection"),
                (new MappingSetInput { Mappings = email, TargetConnectionId = Planned.NewId("targetConnection") }, "mapping set: the target schema is not known: give -SchemaId or pipe a target connection"),
            };

            foreach (var (input, message) in cases)
            {
                AssertRefusedBeforeSending(await NewMappingSetAsync(input), message);
            }
        }

        [Fact]
        public async Task New_mapping_set_reports_every_problem_of_its_mappings_in_an_error_of_its_own_and_warns_of_the_parts_made_before()
        {
            var (schema, dataset, shop) = await PrerequisitesAsync();
            var target = await SourceAndTargetAsync("Problems", shop, dataset, new[] { "Email", "Phone" });
            var sourceId = (string)target[PipelineIds.SourceConnectionId]!;
            var source = await _platform.Client.FlowService.SourceConnections.GetAsync(sourceId);
            var writes = PlatformWrites;

            var (host, _) = await NewMappingSetAsync(new MappingSetInput
            {
                Mappings = new[] { new Mapping("x", "personalEmail.address", "CONSTANT"), Mapping.FromPair("Mail", "personalEmail.address"), Mapping.FromPair("Email", "personalEmail.adress"), Mapping.FromPair("Phone", "zzqx"), Mapping.FromPair("Phone", "person.name.fistName") },
                TargetConnectionId = ((TargetConnection)target.Value).Id,
                SourceConnectionId = sourceId,
                Carried = PipelineIds.From(target.PipelineProperties),
            });

            Assert.All(host.Errors, error => Assert.Equal("PreflightRejected", error.ErrorId));
            Assert.Equal(
                new[]
                {
                    "Problems: mapping set: 'x -> personalEmail.address': source type 'CONSTANT' is not one of ATTRIBUTE, EXPRESSION, STATIC",
                    "Problems: mapping set: source 'Mail' is not a column of source connection " + source.Name + " (it reads Email, Phone)",
                    "Problems: mapping set: destination 'personalEmail.adress' is not a field of schema " + schema.Id + " (did you mean personalEmail.address?)",
                    "Problems: mapping set: destination 'zzqx' is not a field of schema " + schema.Id,
                    "Problems: mapping set: destination 'person.name.fistName' is not a field of schema " + schema.Id + " (did you mean person.name.firstName, person.name.lastName, person.name.fullName?)",
                },
                host.Errors.Select(error => error.Message));
            var targetId = ((TargetConnection)target.Value).Id;
            Assert.Equal(
                new[] { "Flow 'Problems' was not created; the parts made for it remain: source connection " + sourceId + ", target connection " + targetId + ". Remove them with: Remove-SourceConnection -Id " + sourceId + " -Force; Remove-TargetConnection -Id " + targetId + " -Force." },
                host.Warnings);
            Assert.Equal(writes, PlatformWrites);
        }

        [Fact]
        public async Task New_mapping_set_creates_after_asking_and_passes_on_the_ids_then_reuses_the_same_content_without_asking()
        {
            var (schema, dataset, shop) = await PrerequisitesAsync();
            var target = await SourceAndTargetAsync("Made", shop, dataset, new[] { "Email" });
            var sourceId = (string)target[PipelineIds.SourceConnectionId]!;
            var targetId = ((TargetConnection)target.Value).Id;
            var input = new MappingSetInput
            {
                Mappings = new[] { Mapping.FromPair("Email", "personalEmail.address") },
                SchemaId = schema.Id,
                SourceConnectionId = sourceId,
                TargetConnectionId = targetId,
                // As a pipeline carries them: a created mapping set is not previewed.
                Carried = PipelineIds.From(target.PipelineProperties).With(PipelineIds.BaseConnectionId, shop.Id).With(PipelineIds.TableName, "Shopify.Orders"),
            };

            var (created, createRequests) = await NewMappingSetAsync(input);
            var (reused, reuseRequests) = await NewMappingSetAsync(input);

            var made = created.OnlyObject();
            var mappingSet = (MappingSet)made.Value;
            Assert.Equal(new[] { ("Made", "Create mapping set (1 mappings onto " + schema.Id + ")") }, created.Asked);
            Assert.Null(mappingSet.Preview);
            Assert.Equal(new[] { "POST /mappingSets" }, createRequests.Where(r => r.StartsWith("POST", StringComparison.Ordinal)));
            Assert.Equal(
                (sourceId, targetId, schema.Id, mappingSet.Id, (object)0, "Created", "SourceConnection=" + sourceId + "; TargetConnection=" + targetId + "; MappingSet=" + mappingSet.Id),
                (made[PipelineIds.SourceConnectionId], made[PipelineIds.TargetConnectionId], made[PipelineIds.SchemaId], made[PipelineIds.MappingSetId], made[PipelineIds.MappingSetVersion], made[PipelineIds.MappingSetOutcome], made[PipelineIds.PartsCreated]));
            var again = reused.OnlyObject();
            Assert.Equal(mappingSet.Id, ((MappingSet)again.Value).Id);
            Assert.Empty(reused.Asked);
            Assert.DoesNotContain(reuseRequests, r => r.StartsWith("POST", StringComparison.Ordinal));
            Assert.Equal(("Reused", "SourceConnection=" + sourceId + "; TargetConnection=" + targetId), (again[PipelineIds.MappingSetOutcome], again[PipelineIds.PartsCreated]));
        }

        [Fact]
        public async Task New_mapping_set_declined_at_the_prompt_writes_nothing()
        {
            var (schema, _, _) = await PrerequisitesAsync();

            var (host, requests) = await NewMappingSetAsync(new MappingSetInput { Mappings = new[] { Mapping.FromPair("Email", "personalEmail.address") }, SchemaId = schema.Id }, ChangeDecision.Declined);

            Assert.Equal(new[] { (schema.Id, "Create mapping set (1 mappings onto " + schema.Id + ")") }, host.Asked);
            Assert.Empty(host.Objects);
            Assert.Empty(host.Errors);
            Assert.DoesNotContain(requests, r => r.StartsWith("POST", StringComparison.Ordinal));
        }

        [Fact]
        public async Task New_mapping_set_whose_create_got_no_answer_finds_the_one_the_platform_made_instead_of_sending_it_again()
        {
            var (schema, _, _) = await PrerequisitesAsync();
            _platform.Engine.Faults.Enqueue(503, PlatformFlow.Emulator.Engine.FaultTiming.AfterHandling, "POST");

            var (host, requests) = await NewMappingSetAsync(new MappingSetInput { Mappings = new[] { Mapping.FromPair("Email", "personalEmail.address") }, SchemaId = schema.Id });

            var made = host.OnlyObject();
            Assert.Equal("Created", made[PipelineIds.MappingSetOutcome]);
            // The lookup for reuse, the create whose answer was lost, the lookup that finds it: no second create.
            Assert.Equal(new[] { "GET /mappingSets", "POST /mappingSets", "GET /mappingSets" }, requests.Where(r => r.EndsWith("/mappingSets", StringComparison.Ordinal)));
            Assert.Single(await _platform.Client.DataPrep.ListMappingSetsAsync(default).ToListAsync());
        }

        [Fact]
        public async Task New_mapping_set_with_planned_parts_checks_nothing_on_the_platform_and_plans_under_WhatIf()
        {
            var plannedSchema = Planned.NewId("schema");

            var (host, requests) = await NewMappingSetAsync(
                new MappingSetInput
                {
                    Mappings = new[] { Mapping.FromPair("=lower(Email)", "personalEmail.address") },
                    SchemaId = plannedSchema,
                    SourceConnectionId = Planned.NewId("sourceConnection"),
                    Carried = new PipelineIds().With(PipelineIds.FlowName, "Orders").With(PipelineIds.BaseConnectionId, "base-1").With(PipelineIds.TableName, "Shopify.Orders"),
                },
                ChangeDecision.WhatIf);

            var planned = host.OnlyObject();
            var mappingSet = (MappingSet)planned.Value;
            Assert.StartsWith("planned-mappingSet-", mappingSet.Id, StringComparison.Ordinal);
            Assert.Equal((0, plannedSchema, "=lower(Email) -> personalEmail.address"), (mappingSet.Version, mappingSet.OutputSchema!.SchemaRef.Id, mappingSet.Mappings!.Single().ToString()));
            Assert.Null(mappingSet.Preview);
            Assert.Equal(new[] { ("Orders", "Create mapping set (1 mappings onto " + plannedSchema + ")") }, host.Asked);
            Assert.Equal(("Planned", null), (planned[PipelineIds.MappingSetOutcome], planned[PipelineIds.PartsCreated]));
            // Only the lookup of an identical mapping set to reuse: no source, schema or validation read for planned parts.
            Assert.Equal(new[] { "GET /mappingSets" }, requests.Where(r => !r.StartsWith("POST /ims/", StringComparison.Ordinal)));
        }

        [Fact]
        public async Task New_mapping_set_under_WhatIf_without_a_carried_table_plans_without_a_preview()
        {
            var (schema, _, _) = await PrerequisitesAsync();

            var (host, requests) = await NewMappingSetAsync(new MappingSetInput { Mappings = new[] { Mapping.FromPair("Email", "personalEmail.address") }, SchemaId = schema.Id }, ChangeDecision.WhatIf);

            Assert.Null(((MappingSet)host.OnlyObject().Value).Preview);
            Assert.Equal(new[] { (schema.Id, "Create mapping set (1 mappings onto " + schema.Id + ")") }, host.Asked);
            Assert.DoesNotContain(requests, r => r.Contains("/explore") || r.Contains("/preview"));
        }

        [Fact]
        public async Task New_mapping_set_under_WhatIf_shows_what_it_makes_of_the_carried_tables_sample_rows()
        {
            var (schema, _, shop) = await PrerequisitesAsync();
            var writes = PlatformWrites;

            var (host, _) = await NewMappingSetAsync(
                new MappingSetInput
                {
                    Mappings = new[] { Mapping.FromPair("Email", "personalEmail.address"), Mapping.FromPair("=to_integer(Email)", "person.birthYear") },
                    SchemaId = schema.Id,
                    Carried = new PipelineIds().With(PipelineIds.FlowName, "Orders").With(PipelineIds.BaseConnectionId, shop.Id).With(PipelineIds.TableName, "Shopify.Orders"),
                },
                ChangeDecision.WhatIf);

            var mappingSet = (MappingSet)host.OnlyObject().Value;
            Assert.Equal(OrderEmails, mappingSet.Preview!.Select(r => ((OrderedDictionary)((OrderedDictionary)r)["personalEmail"]!)["address"]));
            Assert.Equal(
                new[]
                {
                    ("Orders", "Create mapping set (2 mappings onto " + schema.Id + ")"),
                    ("Orders", "Map 5 sample rows of Shopify.Orders to " + string.Join("; ", OrderEmails.Select(e => "{personalEmail.address=" + e + "}"))),
                },
                host.Asked);
            Assert.Equal(
                OrderEmails.Select((e, row) => "Mapping '=to_integer(Email) -> person.birthYear' fails on sample row " + row + ": MAPPER-3701-400: person.birthYear: to_integer failed: The input string '" + e + "' was not in a correct format. (at character 1)"),
                host.Warnings);
            Assert.Equal(writes, PlatformWrites);
        }

        [Fact]
        public async Task An_error_code_with_empty_parts_still_makes_a_pascal_case_error_id()
        {
            var (schema, _, _) = await PrerequisitesAsync();
            using var client = TestPlatform.NewClient(_platform.Engine, wrap: emulator => new AnswerRewriter(emulator, "POST", "/mappingSets/validate", AnswerRewriter.Replacing("\"UNKNOWN_FUNCTION\"", "\"_UNKNOWN__FUNCTION_\"")));
            var host = new RecordingHost();

            await new TestMappingSetOperation(client).RunAsync(new MappingSetTestInput { Mappings = new[] { Mapping.FromPair("=zzqx(Email)", "personalEmail.address") }, SchemaId = schema.Id }, host);

            var error = Assert.Single(host.Errors);
            Assert.Equal("MappingUnknownFunction", error.ErrorId);
            Assert.StartsWith("'=zzqx(Email) -> personalEmail.address': _UNKNOWN__FUNCTION_: Unknown function 'zzqx'", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_preview_error_on_a_row_that_was_not_sent_is_reported_against_the_mapping()
        {
            var (schema, _, _) = await PrerequisitesAsync();
            using var client = TestPlatform.NewClient(_platform.Engine, wrap: emulator => new AnswerRewriter(emulator, "POST", "/mappingSets/preview", AnswerRewriter.Replacing("\"row\":0", "\"row\":1")));
            var host = new RecordingHost();

            await new TestMappingSetOperation(client).RunAsync(
                new MappingSetTestInput { Mappings = new[] { Mapping.FromPair("=to_integer(Age)", "person.birthYear") }, SchemaId = schema.Id, Sample = new[] { JsonNode.Parse(@"{""Age"": ""ninety""}")!.AsObject() } },
                host);

            var error = Assert.Single(host.Errors);
            Assert.Equal("'=to_integer(Age) -> person.birthYear' on sample row 1: MAPPER-3701-400: person.birthYear: to_integer failed: The input string 'ninety' was not in a correct format. (at character 1)", error.Message);
            Assert.Equal("=to_integer(Age) -> person.birthYear", error.Target);
        }

        [Fact]
        public async Task Test_base_connection_writes_the_result_or_a_bare_bool()
        {
            var (_, _, shop) = await PrerequisitesAsync();
            var host = new RecordingHost();
            var operation = new TestBaseConnectionOperation(_platform.Client);

            await operation.RunAsync(new BaseConnectionTestInput { Id = shop.Id, Name = shop.Name }, host);
            await operation.RunAsync(new BaseConnectionTestInput { Id = shop.Id, Quiet = true }, host);

            var result = Assert.IsType<BaseConnectionTest>(host.Objects[0].Value);
            Assert.True(result.Result);
            Assert.Equal(shop.Name, result.Name);
            Assert.Equal(true, host.Objects[1].Value);
            Assert.Equal(Enumerable.Repeat("Base connection " + shop.Id + ": the source accepted its credentials.", 2), host.Verbose);
        }

        [Fact]
        public async Task Test_base_connection_says_when_the_source_refuses_the_credentials()
        {
            var refused = await TestPlatform.CreateShopifyConnectionAsync(_platform.Client, "Expired shop", accessToken: "invalid-shpat");
            var host = new RecordingHost();

            await new TestBaseConnectionOperation(_platform.Client).RunAsync(new BaseConnectionTestInput { Id = refused.Id, Quiet = true }, host);

            Assert.Equal(false, Assert.Single(host.Objects).Value);
            Assert.Equal("Base connection " + refused.Id + ": the source refused its credentials.", Assert.Single(host.Verbose));
        }
    }
}
