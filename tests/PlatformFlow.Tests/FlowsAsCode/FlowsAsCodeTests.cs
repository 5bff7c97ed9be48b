using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using PlatformFlow.Client;
using PlatformFlow.Client.FlowsAsCode;
using PlatformFlow.Client.Http;
using PlatformFlow.Client.Inputs;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Operations;
using PlatformFlow.Client.Parts;
using PlatformFlow.Client.Validation;
using PlatformFlow.Emulator.Engine;
using PlatformFlow.JsonSchema;
using PlatformFlow.Tests.Support;
using Xunit;

namespace PlatformFlow.Tests.FlowsAsCode
{
    /// <summary>
    /// The definition format, the planner and the applier against the in-process emulator: the format's bytes and schema,
    /// what a plan patches (only the members that differ), and what it refuses before any write.
    /// </summary>
    public sealed class FlowsAsCodeTests : IDisposable
    {
        private const string Definition = @"{
  ""formatVersion"": 1,
  ""name"": ""Shop 07"",
  ""description"": ""Orders"",
  ""flowSpec"": ""CRMToAEP"",
  ""schedule"": { ""frequency"": ""day"", ""interval"": 1, ""startTime"": ""2026-01-05T06:00:00Z"" },
  ""source"": {
    ""name"": ""Shop 07 source"", ""connectionSpec"": ""shopify"", ""baseConnection"": ""Shop"", ""format"": ""tabular"",
    ""tableName"": ""Shopify.Orders"", ""columns"": [ { ""name"": ""Email"", ""type"": ""string"" }, { ""name"": ""Phone"", ""type"": ""string"" } ]
  },
  ""target"": { ""name"": ""Shop 07 target"", ""connectionSpec"": ""DataLake"", ""format"": ""parquet_xdm"", ""dataset"": ""Shop orders"", ""schema"": ""Shop orders"" },
  ""mappingSet"": { ""mappings"": [
    { ""sourceType"": ""EXPRESSION"", ""source"": ""concat('<', lower(Email), '>')"", ""destination"": ""personalEmail.address"" },
    { ""sourceType"": ""ATTRIBUTE"", ""source"": ""Phone"", ""destination"": ""mobilePhone.number"" }
  ] }
}";

        private readonly TestPlatform _platform = new TestPlatform();

        private readonly string _folder = Path.Combine(Path.GetTempPath(), "pf-flows-as-code-" + Guid.NewGuid().ToString("N"));

        private PlatformClient Client => _platform.Client;

        public void Dispose()
        {
            _platform.Dispose();
            if (Directory.Exists(_folder))
            {
                Directory.Delete(_folder, recursive: true);
            }
        }

        [Fact]
        public void A_definition_is_written_in_one_canonical_form_that_reads_back_to_the_same_bytes()
        {
            var definition = DataflowDefinitionJson.Parse(Definition, "test");
            var bytes = DataflowDefinitionJson.ToUtf8(definition);
            var text = Encoding.UTF8.GetString(bytes);

            Assert.Equal(bytes, DataflowDefinitionJson.ToUtf8(DataflowDefinitionJson.Parse(text, "again")));
            Assert.DoesNotContain("\r", text);
            Assert.StartsWith("{\n  \"formatVersion\": 1,\n  \"name\": \"Shop 07\",\n  \"description\": \"Orders\",\n  \"flowSpec\": \"CRMToAEP\",", text);
            Assert.Contains("\"source\": \"concat('<', lower(Email), '>')\"", text);
            Assert.NotEqual(0xEF, bytes[0]);
        }

        [Fact]
        public void The_published_schema_is_the_one_imports_check_and_a_written_definition_validates_against_it()
        {
            var published = JsonNode.Parse(File.ReadAllText(Path.Combine(ContractFiles.RepositoryRoot, "docs", "schemas", "dataflow-definition.schema.json")));
            var written = JsonNode.Parse(DataflowDefinitionJson.ToUtf8(DataflowDefinitionJson.Parse(Definition, "test")));

            Assert.True(JsonNode.DeepEquals(published, DataflowDefinitionJson.Schema));
            Assert.Empty(JsonSchemaEvaluator.Validate(published, written).Errors);
        }

        [Theory]
        [InlineData("\"interval\": 1, \"startTime\"", "\"interval\": 1, \"backfill\": \"yes\", \"startTime\"", "/schedule/backfill")]
        [InlineData("\"frequency\": \"day\", \"interval\": 1,", "\"frequency\": \"once\", \"interval\": 1,", "/schedule")]
        [InlineData("\"formatVersion\": 1", "\"formatVersion\": 2", "/formatVersion")]
        [InlineData("\"tableName\": \"Shopify.Orders\",", "\"tabelName\": \"Shopify.Orders\",", "/source")]
        [InlineData("\"destination\": \"mobilePhone.number\"", "\"destination\": \"\"", "/mappingSet/mappings/1/destination")]
        public void A_definition_that_breaks_the_format_is_refused_naming_the_place(string original, string broken, string place)
        {
            var error = Assert.Throws<FlowsAsCodeException>(() => DataflowDefinitionJson.Parse(Definition.Replace(original, broken), "shop.json"));

            Assert.Equal(FlowsAsCodeException.DefinitionInvalid, error.ErrorId);
            Assert.Contains("shop.json", error.Message);
            Assert.Contains(place + ": ", error.Message);
        }

        [Fact]
        public void Text_that_is_not_JSON_is_refused_as_such()
        {
            var error = Assert.Throws<FlowsAsCodeException>(() => DataflowDefinitionJson.Parse("{ \"name\": ", "shop.json"));

            Assert.Equal(FlowsAsCodeException.DefinitionInvalid, error.ErrorId);
            Assert.Contains("not valid JSON", error.Message);
        }

        [Theory]
        [InlineData("Shop 07", "Shop 07.json")]
        [InlineData("EU/UK: orders?", "EU_UK_ orders_.json")]
        [InlineData("...", "dataflow.json")]
        public void A_flow_name_becomes_a_file_name_every_system_accepts(string flowName, string fileName) =>
            Assert.Equal(fileName, ExportDataflowOperation.FileNameFor(flowName));

        [Fact]
        public void Mappings_compare_as_a_set()
        {
            var a = new[] { new Mapping("Email", "personalEmail.address"), new Mapping("Phone", "mobilePhone.number") };
            var b = new[] { new Mapping("Phone", "mobilePhone.number"), new Mapping("Email", "personalEmail.address") };

            static MappingSetRequest Request(Mapping[] mappings) => MappingSetChecks.Request("schema", mappings, null);
            static MappingSet Existing(Mapping[] mappings) => new MappingSet { OutputSchema = Request(mappings).OutputSchema, Mappings = new ValueList<Mapping>(mappings) };

            Assert.True(MappingSetPart.Diff(Existing(a), Request(b)).IsEmpty);
            Assert.Equal(new[] { "mappings" }, MappingSetPart.Diff(Existing(a), Request(new[] { a[0], new Mapping("lower(Phone)", "mobilePhone.number", MappingSourceType.Expression) })).Changes);
            Assert.Equal(new[] { "mobilePhone.number", "personalEmail.address" }, DataflowMappings.Canonical(a).Select(m => m.Destination));
        }

        [Fact]
        public async Task A_created_flow_exports_to_the_definition_and_plans_unchanged()
        {
            await PrerequisitesAsync();
            var definition = DataflowDefinitionJson.Parse(Definition, "test");

            var created = await ApplyAsync(definition);
            var exported = await new DataflowExporter(Client).ExportAsync(created.FlowId!, CancellationToken.None);
            var plan = await PlanAsync(definition);

            Assert.Equal(PartOutcome.Created, created.Outcome);
            Assert.Equal(DataflowDefinitionJson.ToUtf8(new DataflowDefinition
            {
                Name = definition.Name,
                Description = definition.Description,
                FlowSpec = definition.FlowSpec,
                Schedule = definition.Schedule,
                Source = definition.Source,
                Target = definition.Target,
                MappingSet = new MappingSetDefinition { Mappings = DataflowMappings.Canonical(definition.MappingSet!.Mappings) },
            }), DataflowDefinitionJson.ToUtf8(exported));
            Assert.Equal(PartOutcome.Reused, plan.Outcome);
            Assert.All(plan.Parts, part => Assert.Empty(part.Patch));
        }

        [Fact]
        public async Task An_update_patches_only_the_members_that_differ()
        {
            await PrerequisitesAsync();
            await ApplyAsync(DataflowDefinitionJson.Parse(Definition, "test"));
            var changed = DataflowDefinitionJson.Parse(
                Definition.Replace("\"name\": \"Shop 07 target\"", "\"name\": \"Shop 07 lake\"").Replace("\"description\": \"Orders\",", string.Empty).Replace("\"interval\": 1", "\"interval\": 2"),
                "changed");

            var plan = await PlanAsync(changed);

            Assert.Equal(PartOutcome.Updated, plan.Outcome);
            Assert.Equal(PartOutcome.Reused, plan.Source.Outcome);
            Assert.Equal(new[] { "add /name" }, plan.Target.Patch.Select(o => o.Op + " " + o.Path));
            Assert.Equal(new[] { "remove /description", "add /scheduleParams" }, plan.Flow.Patch.Select(o => o.Op + " " + o.Path));
            Assert.Equal(PartOutcome.Reused, plan.MappingSet!.Outcome);
            Assert.Equal(2, plan.Flow.Patch[1].Value!.Value.GetProperty("interval").GetInt32());
        }

        [Fact]
        public async Task A_flow_spec_or_base_connection_the_platform_cannot_change_is_refused_before_any_write()
        {
            var (_, _, otherShop) = await PrerequisitesAsync(secondShop: true);
            await ApplyAsync(DataflowDefinitionJson.Parse(Definition, "test"));
            var writes = _platform.Engine.Journal.Writes;

            var error = await Assert.ThrowsAsync<FlowsAsCodeException>(() => PlanAsync(DataflowDefinitionJson.Parse(Definition.Replace("\"baseConnection\": \"Shop\"", "\"baseConnection\": \"Shop 2\""), "moved")));

            Assert.Equal(FlowsAsCodeException.ChangeNotSupported, error.ErrorId);
            Assert.Contains(otherShop.Id, error.Message);
            Assert.Equal(writes, _platform.Engine.Journal.Writes);
        }

        [Fact]
        public async Task Every_missing_reference_is_named_in_one_error()
        {
            var error = await Assert.ThrowsAsync<FlowsAsCodeException>(() => PlanAsync(DataflowDefinitionJson.Parse(Definition.Replace("\"CRMToAEP\"", "\"CRMToNowhere\""), "test")));

            Assert.Equal(FlowsAsCodeException.ReferenceNotFound, error.ErrorId);
            Assert.Equal(OperationErrorCategory.ObjectNotFound, error.Category);
            Assert.Contains("flow spec 'CRMToNowhere', base connection 'Shop', dataset 'Shop orders', schema 'Shop orders'", error.Message);
        }

        [Theory]
        [InlineData(ChangeDecision.WhatIf)]
        [InlineData(ChangeDecision.Declined)]
        public async Task An_import_not_confirmed_asks_with_the_plan_writes_nothing_and_reports_it_not_applied(ChangeDecision decision)
        {
            await PrerequisitesAsync();
            var file = WriteFile("shop.json", Definition);
            var host = new RecordingHost(decision);
            var writes = _platform.Engine.Journal.Writes;

            await ImportAsync(host, file);

            Assert.Equal(writes, _platform.Engine.Journal.Writes);
            Assert.Empty(host.Errors);
            var asked = Assert.Single(host.Asked);
            Assert.Equal("dataflow 'Shop 07'", asked.Target);
            Assert.Equal("Create dataflow in sandbox prod: SourceConnection: create; TargetConnection: create; MappingSet: create; Flow: create", asked.Action);
            var result = Assert.IsType<DataflowImportResult>(Assert.Single(host.Objects).Value);
            Assert.Equal(PartOutcome.Planned, result.Outcome);
            Assert.False(result.Applied);
            Assert.Equal(file, result.Path);
            Assert.Null(result.FlowId);
        }

        [Fact]
        public async Task A_flow_exported_into_a_folder_is_written_after_asking_to_a_file_named_after_it()
        {
            await PrerequisitesAsync();
            var created = await NewFlowAsync("Shop 07");
            var folder = Path.Combine(_folder, "not", "there", "yet");
            var host = new RecordingHost();

            await new ExportDataflowOperation(Client).RunAsync(new DataflowExportInput { FlowId = created.FlowId!, Path = folder, IsFolder = true }, host);

            var file = Path.Combine(folder, "Shop 07.json");
            Assert.Empty(host.Errors);
            Assert.Equal((file, "Write the definition of dataflow 'Shop 07'"), Assert.Single(host.Asked));
            Assert.Equal(file, Assert.IsType<FileInfo>(Assert.Single(host.Objects).Value).FullName);
            Assert.StartsWith("{\n  \"formatVersion\": 1,\n  \"name\": \"Shop 07\",\n  \"description\": \"Orders\",\n  \"flowSpec\": \"CRMToAEP\",", File.ReadAllText(file));
        }

        [Theory]
        [InlineData(ChangeDecision.WhatIf)]
        [InlineData(ChangeDecision.Declined)]
        public async Task An_export_not_confirmed_writes_and_emits_nothing(ChangeDecision decision)
        {
            await PrerequisitesAsync();
            var created = await NewFlowAsync("Shop 07");
            var file = Path.Combine(_folder, "shop.json");
            var host = new RecordingHost(decision);

            await new ExportDataflowOperation(Client).RunAsync(new DataflowExportInput { FlowId = created.FlowId!, Path = file }, host);

            Assert.Equal((file, "Write the definition of dataflow 'Shop 07'"), Assert.Single(host.Asked));
            Assert.Empty(host.Objects);
            Assert.Empty(host.Errors);
            Assert.False(Directory.Exists(_folder));
        }

        [Theory]
        [InlineData("Shop 07", "Shop 08", false, "one.json", "Give -Path a folder to export several flows, one file each.")]
        [InlineData("Shop/07", "Shop:07", true, "Shop_07.json", "Rename one of the flows.")]
        public async Task A_second_flow_bound_for_a_file_this_command_wrote_is_refused_and_the_first_is_kept(string first, string second, bool isFolder, string fileName, string advice)
        {
            await PrerequisitesAsync();
            var firstFlow = await NewFlowAsync(first);
            var secondFlow = await NewFlowAsync(second);
            var operation = new ExportDataflowOperation(Client);
            var path = isFolder ? _folder : Path.Combine(_folder, fileName);
            var host = new RecordingHost();

            await operation.RunAsync(new DataflowExportInput { FlowId = firstFlow.FlowId!, Path = path, IsFolder = isFolder }, host);
            await operation.RunAsync(new DataflowExportInput { FlowId = secondFlow.FlowId!, Path = path, IsFolder = isFolder, Target = "second" }, host);

            var file = Path.Combine(_folder, fileName);
            Assert.Equal(file, Assert.IsType<FileInfo>(Assert.Single(host.Objects).Value).FullName);
            var error = Assert.Single(host.Errors);
            Assert.Equal(FlowsAsCodeException.ExportPathConflict, error.ErrorId);
            Assert.Equal(OperationErrorCategory.ResourceExists, error.Category);
            Assert.Equal("second", error.Target);
            Assert.Equal(secondFlow.FlowId + ": Dataflow '" + second + "' would be written to " + file + ", where this command already wrote dataflow '" + first + "'. It was not written.", error.Message);
            Assert.Equal(advice, error.RecommendedAction);
            Assert.Contains("\"name\": \"" + first + "\"", File.ReadAllText(file));
        }

        [Fact]
        public async Task A_flow_that_cannot_be_read_or_written_is_an_error_of_its_input_and_the_next_goes_on()
        {
            await PrerequisitesAsync();
            var created = await NewFlowAsync("Shop 07");
            Directory.CreateDirectory(_folder);
            var operation = new ExportDataflowOperation(Client);
            var host = new RecordingHost();

            await operation.RunAsync(new DataflowExportInput { FlowId = "0b4f0f1c-0000-4000-8000-000000000000", Path = Path.Combine(_folder, "missing.json"), Target = "row 1" }, host);
            await operation.RunAsync(new DataflowExportInput { FlowId = created.FlowId!, Path = _folder }, host);
            await operation.RunAsync(new DataflowExportInput { FlowId = created.FlowId!, Path = Path.Combine(_folder, "shop.json") }, host);

            Assert.Equal(new[] { "DataflowNotFound row 1", "ExportDataflowFailed " + created.FlowId }, host.Errors.Select(e => e.ErrorId + " " + e.Target));
            Assert.StartsWith("0b4f0f1c-0000-4000-8000-000000000000: Sandbox prod has no dataflow 0b4f0f1c-0000-4000-8000-000000000000 (", host.Errors[0].Message);
            Assert.Equal(Path.Combine(_folder, "shop.json"), Assert.IsType<FileInfo>(Assert.Single(host.Objects).Value).FullName);
        }

        [Fact]
        public async Task A_cancelled_export_copy_or_import_stops_with_the_cancellation_instead_of_an_error()
        {
            await PrerequisitesAsync();
            var created = await NewFlowAsync("Shop 07");
            var file = WriteFile("shop.json", Definition.Replace("Shop 07", "Shop 08"));
            using var cancelled = new CancellationTokenSource();
            cancelled.Cancel();
            var host = new RecordingHost(cancellation: cancelled.Token);

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new ExportDataflowOperation(Client).RunAsync(new DataflowExportInput { FlowId = created.FlowId!, Path = Path.Combine(_folder, "out.json") }, host));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new CopyDataflowOperation(Client, Client, new ReferenceMaps()).RunAsync(new[] { new KeyValuePair<string, object?>(created.FlowId!, null) }, host));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ImportAsync(host, file));

            Assert.Empty(host.Errors);
            Assert.False(File.Exists(Path.Combine(_folder, "out.json")));
        }

        [Fact]
        public async Task A_request_that_times_out_on_its_own_is_an_error_of_the_flow_not_a_stop()
        {
            var engine = new EmulatorEngine(new EmulatorOptions());
            using var client = TestPlatform.NewClientThrough(engine, _ => FailingHandler.TimingOut(), retry: RetryOptions.None);
            var host = new RecordingHost();

            await new ExportDataflowOperation(client).RunAsync(new DataflowExportInput { FlowId = "0b4f0f1c-0000-4000-8000-000000000000", Path = Path.Combine(_folder, "out.json") }, host);
            await new CopyDataflowOperation(client, Client, new ReferenceMaps()).RunAsync(new[] { new KeyValuePair<string, object?>("0b4f0f1c-0000-4000-8000-000000000001", null) }, host);

            Assert.Equal(new[] { "0b4f0f1c-0000-4000-8000-000000000000", "0b4f0f1c-0000-4000-8000-000000000001" }, host.Errors.Select(e => e.Target));
            Assert.All(host.Errors, e => Assert.IsAssignableFrom<OperationCanceledException>(e.Exception));
            Assert.Equal(new[] { NothingApplied("1 of 1") }, host.Warnings);
        }

        [Fact]
        public async Task An_import_with_files_that_cannot_be_read_or_planned_or_failures_before_it_applies_nothing_and_counts_them()
        {
            await PrerequisitesAsync();
            var good = WriteFile("good.json", Definition);
            var broken = WriteFile("broken.json", "{ \"name\": ");
            var missing = Path.Combine(_folder, "missing.json");
            var unplannable = WriteFile("unplannable.json", Definition.Replace("Shop 07", "Shop 09").Replace("\"CRMToAEP\"", "\"CRMToNowhere\""));
            var writes = _platform.Engine.Journal.Writes;
            var host = new RecordingHost();

            await new ImportDataflowOperation(Client, new ReferenceMaps()).RunAsync(new[] { good, broken, missing, unplannable }, 1, host);

            Assert.Equal(writes, _platform.Engine.Journal.Writes);
            Assert.Empty(host.Objects);
            Assert.Empty(host.Asked);
            Assert.Equal(
                new[] { "DataflowDefinitionInvalid " + broken, "ImportDataflowFailed " + missing, "DataflowReferenceNotFound " + unplannable },
                host.Errors.Select(e => e.ErrorId + " " + e.Target));
            Assert.StartsWith("Shop 09: ", host.Errors[2].Message);
            Assert.Equal(new[] { NothingApplied("4 of 5") }, host.Warnings);
        }

        [Fact]
        public async Task Two_definitions_of_one_flow_are_refused_naming_both_files_and_nothing_is_applied()
        {
            await PrerequisitesAsync();
            var first = WriteFile("a.json", Definition);
            var second = WriteFile("b.json", Definition);
            var third = WriteFile("c.json", Definition);
            var host = new RecordingHost();

            await ImportAsync(host, first, second, third);

            Assert.Empty(host.Objects);
            Assert.Equal(new[] { second, third }, host.Errors.Select(e => e.Target));
            var error = host.Errors[0];
            Assert.Equal(FlowsAsCodeException.DefinitionDuplicate, error.ErrorId);
            Assert.Equal(OperationErrorCategory.InvalidData, error.Category);
            Assert.Equal("The definition from " + second + " names dataflow 'Shop 07', as the one from " + first + " already does; a sandbox holds one flow per name.", error.Message);
            Assert.Equal("Import one of them, or rename one.", error.RecommendedAction);
            Assert.Equal("The definition from " + third + " names dataflow 'Shop 07', as the one from " + first + " already does; a sandbox holds one flow per name.", host.Errors[1].Message);
            Assert.Equal(new[] { NothingApplied("2 of 3") }, host.Warnings);
        }

        [Fact]
        public async Task An_import_applies_each_flow_with_progress_and_again_sends_nothing_saying_so()
        {
            await PrerequisitesAsync();
            var shop07 = WriteFile("shop07.json", Definition);
            var shop08 = WriteFile("shop08.json", Definition.Replace("Shop 07", "Shop 08"));
            var first = new RecordingHost();

            await ImportAsync(first, shop07, shop08);
            var writes = _platform.Engine.Journal.Writes;
            var again = new RecordingHost();
            await ImportAsync(again, shop07, shop08);

            Assert.Empty(first.Errors);
            var created = first.Objects.Select(o => Assert.IsType<DataflowImportResult>(o.Value)).ToList();
            Assert.Equal(new[] { "Shop 07 Created True " + shop07, "Shop 08 Created True " + shop08 }, created.Select(r => r.Name + " " + r.Outcome + " " + r.Applied + " " + r.Path));
            Assert.Equal(new[] { "dataflow 'Shop 07'", "dataflow 'Shop 08'" }, first.Asked.Select(a => a.Target));
            Assert.Equal(
                new[]
                {
                    "13 Planning dataflows in sandbox prod: Shop 07 0%",
                    "13 Planning dataflows in sandbox prod: Shop 08 50%",
                    "13 Planning dataflows in sandbox prod: done (completed)",
                    "13 Applying dataflows to sandbox prod: Shop 07 0%",
                    "13 Applying dataflows to sandbox prod: Shop 08 50%",
                    "13 Applying dataflows to sandbox prod: done (completed)",
                },
                first.Progress.Select(Describe));

            Assert.Equal(writes, _platform.Engine.Journal.Writes);
            Assert.Empty(again.Asked);
            var unchanged = again.Objects.Select(o => Assert.IsType<DataflowImportResult>(o.Value)).ToList();
            Assert.Equal(new[] { "Reused True " + created[0].FlowId, "Reused True " + created[1].FlowId }, unchanged.Select(r => r.Outcome + " " + r.Applied + " " + r.FlowId));
            Assert.Equal(
                new[] { "Dataflow 'Shop 07' already matches " + shop07 + "; nothing to send.", "Dataflow 'Shop 08' already matches " + shop08 + "; nothing to send." },
                again.Verbose);
        }

        [Fact]
        public async Task A_flow_the_platform_refuses_to_create_is_an_error_of_its_file_and_the_next_is_applied()
        {
            await PrerequisitesAsync();
            var shop07 = WriteFile("shop07.json", Definition);
            var shop08 = WriteFile("shop08.json", Definition.Replace("Shop 07", "Shop 08"));
            _platform.Engine.Faults.Enqueue(new ScriptedFault(400, method: "POST"));
            var host = new RecordingHost();

            await ImportAsync(host, shop07, shop08);

            var error = Assert.Single(host.Errors);
            Assert.Equal(shop07, error.Target);
            Assert.Equal(OperationErrorCategory.InvalidData, error.Category);
            Assert.StartsWith("Shop 07: ", error.Message);
            Assert.Equal("Shop 08", Assert.IsType<DataflowImportResult>(Assert.Single(host.Objects).Value).Name);
        }

        [Fact]
        public async Task A_copy_applies_the_flows_of_one_sandbox_to_another_then_finds_nothing_to_change()
        {
            var (dev, flow) = await DevFlowAsync();
            using var devClient = dev;
            await PrerequisitesAsync();
            var copy = new CopyDataflowOperation(dev, Client, new ReferenceMaps());
            var flows = new[] { new KeyValuePair<string, object?>(flow.FlowId!, null) };
            var first = new RecordingHost();

            await copy.RunAsync(flows, first);
            var writes = _platform.Engine.Journal.Writes;
            var again = new RecordingHost();
            await copy.RunAsync(flows, again);

            Assert.Empty(first.Errors);
            Assert.Equal(("dataflow 'Shop 07'", "Create dataflow in sandbox prod: SourceConnection: create; TargetConnection: create; MappingSet: create; Flow: create"), Assert.Single(first.Asked));
            var created = Assert.IsType<DataflowImportResult>(Assert.Single(first.Objects).Value);
            Assert.Equal("Shop 07 Created True prod", created.Name + " " + created.Outcome + " " + created.Applied + " " + created.Sandbox);
            Assert.Null(created.Path);
            Assert.NotEqual(flow.FlowId, created.FlowId);

            Assert.Equal(writes, _platform.Engine.Journal.Writes);
            Assert.Equal(PartOutcome.Reused, Assert.IsType<DataflowImportResult>(Assert.Single(again.Objects).Value).Outcome);
            Assert.Equal(new[] { "Dataflow 'Shop 07' already matches dataflow " + flow.FlowId + " of sandbox dev; nothing to send." }, again.Verbose);
        }

        [Fact]
        public async Task A_flow_that_cannot_be_copied_is_an_error_of_its_input_and_nothing_is_applied()
        {
            var (dev, flow) = await DevFlowAsync();
            using var devClient = dev;
            _platform.Engine.Journal.Clear();
            var host = new RecordingHost();

            await new CopyDataflowOperation(dev, Client, new ReferenceMaps()).RunAsync(
                new[] { new KeyValuePair<string, object?>(flow.FlowId!, null), new KeyValuePair<string, object?>("0b4f0f1c-0000-4000-8000-000000000000", "row 2") },
                host);

            Assert.DoesNotContain(_platform.Engine.Journal.Recent, JournalMarks.IsDataWrite);
            Assert.Empty(host.Objects);
            Assert.Equal(
                new[] { "DataflowNotFound row 2", "DataflowReferenceNotFound " + flow.FlowId },
                host.Errors.Select(e => e.ErrorId + " " + e.Target));
            Assert.StartsWith("0b4f0f1c-0000-4000-8000-000000000000: Sandbox dev has no dataflow 0b4f0f1c-0000-4000-8000-000000000000 (", host.Errors[0].Message);
            Assert.StartsWith("Shop 07: ", host.Errors[1].Message);
            Assert.Equal(new[] { NothingApplied("2 of 2") }, host.Warnings);
        }

        [Fact]
        public async Task The_same_flow_given_twice_to_a_copy_is_refused_naming_the_flow_and_its_sandbox()
        {
            var (dev, flow) = await DevFlowAsync();
            using var devClient = dev;
            await PrerequisitesAsync();
            var host = new RecordingHost();

            await new CopyDataflowOperation(dev, Client, new ReferenceMaps()).RunAsync(
                new[] { new KeyValuePair<string, object?>(flow.FlowId!, "first"), new KeyValuePair<string, object?>(flow.FlowId!, "second") },
                host);

            Assert.Empty(host.Objects);
            var error = Assert.Single(host.Errors);
            Assert.Equal("second", error.Target);
            Assert.Equal(
                "The definition from dataflow " + flow.FlowId + " of sandbox dev names dataflow 'Shop 07', as the one from dataflow " + flow.FlowId + " of sandbox dev already does; a sandbox holds one flow per name.",
                error.Message);
        }

        private Task<DataflowPlan> PlanAsync(DataflowDefinition definition, PlatformClient? client = null) =>
            new DataflowPlanner(client ?? Client, new ReferenceMaps(), TimeProvider.System).PlanAsync(definition, CancellationToken.None);

        private async Task<DataflowImportResult> ApplyAsync(DataflowDefinition definition, PlatformClient? client = null) =>
            await new DataflowApplier(client ?? Client, TimeProvider.System).ApplyAsync(await PlanAsync(definition, client), null, CancellationToken.None);

        /// <summary>The definition's references (schema, dataset, Shopify base connection) in the sandbox of <paramref name="client"/> (prod's when null).</summary>
        private async Task<(XdmSchema Schema, Dataset Dataset, BaseConnection Shop)> PrerequisitesAsync(bool secondShop = false, PlatformClient? client = null)
        {
            client ??= Client;
            var schema = Emitted<XdmSchema>(await Run(host => new NewXdmSchemaOperation(client).RunAsync(
                new XdmSchemaInput { Title = "Shop orders", Class = "profile", FieldGroups = new[] { "profile-person-details", "profile-personal-details" } }, host)));
            var dataset = Emitted<Dataset>(await Run(host => new NewDatasetOperation(client).RunAsync(new DatasetInput { Name = "Shop orders", SchemaId = schema.Id }, host)));
            var shop = await NewShopAsync("Shop", client);
            return (schema, dataset, secondShop ? await NewShopAsync("Shop 2", client) : shop);
        }

        private static async Task<BaseConnection> NewShopAsync(string name, PlatformClient client) =>
            Emitted<BaseConnection>(await Run(host => new NewBaseConnectionOperation(client).RunAsync(
                new BaseConnectionInput { Name = name, ConnectionSpec = "Shopify", Parameters = new Hashtable { ["host"] = "shop.example", ["accessToken"] = "shpat-secret-1" } }, host)));

        /// <summary>A flow created from <see cref="Definition"/> under another name (its connections renamed with it).</summary>
        private Task<DataflowImportResult> NewFlowAsync(string name, PlatformClient? client = null) =>
            ApplyAsync(DataflowDefinitionJson.Parse(Definition.Replace("Shop 07", name), "test"), client);

        private string WriteFile(string name, string text)
        {
            Directory.CreateDirectory(_folder);
            var path = Path.Combine(_folder, name);
            File.WriteAllText(path, text);
            return path;
        }

        private Task ImportAsync(RecordingHost host, params string[] paths) =>
            new ImportDataflowOperation(Client, new ReferenceMaps()).RunAsync(paths, 0, host);

        /// <summary>The warning of an import that applied nothing, with its count (<c>1 of 2</c>).</summary>
        private static string NothingApplied(string counts) =>
            "Nothing was applied to sandbox prod: " + counts + " dataflow definitions could not be read or planned (see the errors). Correct them and import again.";

        /// <summary>A client of sandbox dev on the same emulator, with the definition's references, and flow 'Shop 07' there.</summary>
        private async Task<(PlatformClient Dev, DataflowImportResult Flow)> DevFlowAsync()
        {
            var dev = TestPlatform.NewClient(_platform.Engine, sandbox: "dev");
            await PrerequisitesAsync(client: dev);
            return (dev, await NewFlowAsync("Shop 07", dev));
        }

        private static string Describe(OperationProgress progress) =>
            progress.ActivityId + " " + progress.Activity + ": " + progress.Status + (progress.Completed ? " (completed)" : " " + progress.PercentComplete + "%");

        private static async Task<RecordingHost> Run(Func<RecordingHost, Task> operation)
        {
            var host = new RecordingHost();
            await operation(host);
            Assert.Empty(host.Errors);
            return host;
        }

        private static T Emitted<T>(RecordingHost host) => Assert.IsType<T>(Assert.Single(host.Objects).Value);
    }
}
