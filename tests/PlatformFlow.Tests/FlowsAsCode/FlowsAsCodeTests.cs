using System;
using System.Collections;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using PlatformFlow.Client;
using PlatformFlow.Client.FlowsAsCode;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Operations;
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

        private PlatformClient Client => _platform.Client;

        public void Dispose() => _platform.Dispose();

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

            Assert.True(DataflowMappings.SameMappings(a, b));
            Assert.False(DataflowMappings.SameMappings(a, new[] { a[0], new Mapping("lower(Phone)", "mobilePhone.number", MappingSourceType.Expression) }));
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

            Assert.Equal(DataflowAction.Create, created.Action);
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
            Assert.Equal(DataflowAction.Unchanged, plan.Action);
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

            Assert.Equal(DataflowAction.Update, plan.Action);
            Assert.Equal(DataflowAction.Unchanged, plan.Source.Action);
            Assert.Equal(new[] { "add /name" }, plan.Target.Patch.Select(o => o.Op + " " + o.Path));
            Assert.Equal(new[] { "remove /description", "add /scheduleParams" }, plan.Flow.Patch.Select(o => o.Op + " " + o.Path));
            Assert.Equal(DataflowAction.Unchanged, plan.MappingSet!.Action);
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
            var file = Path.Combine(Path.GetTempPath(), "pf-import-" + Guid.NewGuid().ToString("N") + ".json");
            File.WriteAllText(file, Definition);
            var host = new RecordingHost(decision);
            var writes = _platform.Engine.Journal.Writes;
            try
            {
                await new ImportDataflowOperation(Client, new ReferenceMaps()).RunAsync(new[] { file }, 0, host);
            }
            finally
            {
                File.Delete(file);
            }

            Assert.Equal(writes, _platform.Engine.Journal.Writes);
            Assert.Empty(host.Errors);
            var asked = Assert.Single(host.Asked);
            Assert.Equal("dataflow 'Shop 07'", asked.Target);
            Assert.Equal("Create dataflow in sandbox prod: SourceConnection: create; TargetConnection: create; MappingSet: create; Flow: create", asked.Action);
            var result = Assert.IsType<DataflowImportResult>(Assert.Single(host.Objects).Value);
            Assert.Equal(DataflowAction.Create, result.Action);
            Assert.False(result.Applied);
            Assert.Equal(file, result.Path);
            Assert.Null(result.FlowId);
        }

        private Task<DataflowPlan> PlanAsync(DataflowDefinition definition) =>
            new DataflowPlanner(Client, new ReferenceMaps(), TimeProvider.System).PlanAsync(definition, CancellationToken.None);

        private async Task<DataflowImportResult> ApplyAsync(DataflowDefinition definition) =>
            await new DataflowApplier(Client).ApplyAsync(await PlanAsync(definition), null, CancellationToken.None);

        private async Task<(XdmSchema Schema, Dataset Dataset, BaseConnection Shop)> PrerequisitesAsync(bool secondShop = false)
        {
            var schema = Emitted<XdmSchema>(await Run(host => new NewXdmSchemaOperation(Client).RunAsync(
                new XdmSchemaInput { Title = "Shop orders", Class = "profile", FieldGroups = new[] { "profile-person-details", "profile-personal-details" } }, host)));
            var dataset = Emitted<Dataset>(await Run(host => new NewDatasetOperation(Client).RunAsync(new DatasetInput { Name = "Shop orders", SchemaId = schema.Id }, host)));
            var shop = await NewShopAsync("Shop");
            return (schema, dataset, secondShop ? await NewShopAsync("Shop 2") : shop);
        }

        private async Task<BaseConnection> NewShopAsync(string name) =>
            Emitted<BaseConnection>(await Run(host => new NewBaseConnectionOperation(Client).RunAsync(
                new BaseConnectionInput { Name = name, ConnectionSpec = "Shopify", Parameters = new Hashtable { ["host"] = "shop.example", ["accessToken"] = "shpat-secret-1" } }, host)));

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
