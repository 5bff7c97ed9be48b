using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Operations;
using PlatformFlow.Emulator.Engine;
using PlatformFlow.Tests.Cmdlets.Lifecycle;
using PlatformFlow.Tests.Support;
using Xunit;

namespace PlatformFlow.Tests.Cmdlets
{
    /// <summary>
    /// The flow-building New-* operations one at a time: what they refuse before sending, what they ask, what they write
    /// and the ids they carry on (the cmdlets and binding: tests/Pipeline.Tests.ps1).
    /// </summary>
    public sealed class FlowPartTests : IDisposable
    {
        private const string FlowService = "/data/foundation/flowservice";
        private readonly TestPlatform _platform = new TestPlatform();
        private (XdmSchema Schema, Dataset Dataset, BaseConnection Base)? _prerequisites;

        public void Dispose() => _platform.Dispose();

        private EmulatorEngine Engine => _platform.Engine;

        private async Task<(XdmSchema Schema, Dataset Dataset, BaseConnection Base)> PrerequisitesAsync() =>
            _prerequisites ??= await new FlowBuilder(_platform.Client).PrerequisitesAsync();

        private IEnumerable<string> RequestsSince(long mark)
        {
            var recent = Engine.Journal.Recent;
            return recent.Skip(recent.Count - (int)(Engine.Journal.Total - mark)).Select(e => e.Method + " " + e.Path);
        }

        private async Task<RecordingHost> SourceAsync(SourceConnectionInput input, ChangeDecision decision = ChangeDecision.Proceed)
        {
            var host = new RecordingHost(decision);
            await new NewSourceConnectionOperation(_platform.Client).RunAsync(input, host);
            return host;
        }

        private async Task<RecordingHost> TargetAsync(TargetConnectionInput input, ChangeDecision decision = ChangeDecision.Proceed)
        {
            var host = new RecordingHost(decision);
            await new NewTargetConnectionOperation(_platform.Client).RunAsync(input, host);
            return host;
        }

        private static OperationError Refusal(RecordingHost host)
        {
            Assert.Empty(host.Objects);
            return Assert.Single(host.Errors);
        }

        // New-SourceConnection

        [Fact]
        public async Task Every_problem_of_a_source_connection_input_is_named_at_once_before_any_request()
        {
            var mark = Engine.Journal.Total;

            var host = await SourceAsync(new SourceConnectionInput
            {
                FlowName = " ",
                BaseConnectionId = string.Empty,
                TableName = "Shopify.Orders",
                Path = "/orders.csv",
                Format = "XML",
                Columns = new[] { new SourceColumn("Email", "varchar"), new SourceColumn { Name = "Phone" }, new SourceColumn("Id", "DOUBLE") },
                Target = "row 1",
            });

            var error = Refusal(host);
            Assert.Equal(("PreflightRejected", "row 1"), (error.ErrorId, error.Target));
            Assert.Equal(
                "source connection for ' ': Name: the flow needs a name; BaseConnectionId: a base connection id is required; "
                + "give either TableName (a table source) or Path (a file source); Format: 'xml' is not one of tabular, delimited, json, parquet; "
                + "Column Email: 'varchar' is not a column type; use one of string, boolean, byte, short, integer, long, float, double, decimal, number, date, datetime, timestamp, binary",
                error.Exception.Message);
            Assert.Equal(mark, Engine.Journal.Total);
        }

        [Fact]
        public async Task A_source_without_a_table_or_a_path_is_refused()
        {
            var shop = (await PrerequisitesAsync()).Base;

            var error = Refusal(await SourceAsync(new SourceConnectionInput { FlowName = "Nowhere", BaseConnectionId = shop.Id }));

            Assert.Equal("source connection for 'Nowhere': give either TableName (a table source) or Path (a file source)", error.Exception.Message);
        }

        [Fact]
        public async Task Columns_the_table_lacks_are_refused_naming_them_and_the_tables_columns()
        {
            var shop = (await PrerequisitesAsync()).Base;
            var writes = Engine.Journal.Writes;

            var error = Refusal(await SourceAsync(new SourceConnectionInput
            {
                FlowName = "Typo",
                BaseConnectionId = shop.Id,
                TableName = "Shopify.Orders",
                Columns = new[] { new SourceColumn { Name = "email" }, new SourceColumn { Name = "Mail" }, new SourceColumn("Totl", "double") },
            }));

            Assert.Equal(
                "source connection for 'Typo': table Shopify.Orders has no column 'Mail', 'Totl' (it has Id, Email, Phone, Shipping_Address_Phone, Shipping_Address_City, "
                + "Shipping_Address_Country_Code, Customer_Id, Total_Price, Currency, Financial_Status, Created_At, Updated_At)",
                error.Exception.Message);
            Assert.Equal(writes, Engine.Journal.Writes);
        }

        [Fact]
        public async Task Named_columns_take_the_tables_spelling_and_type_unless_given_one()
        {
            var shop = (await PrerequisitesAsync()).Base;

            var host = await SourceAsync(new SourceConnectionInput
            {
                FlowName = "Typed",
                BaseConnectionId = shop.Id,
                TableName = "Shopify.Orders",
                Columns = new[] { new SourceColumn { Name = "email" }, new SourceColumn("total_price", "decimal") },
            });

            var source = LifecycleWorld.Only<SourceConnection>(host);
            Assert.Equal(new[] { "Email:string", "Total_Price:decimal" }, source.Params!.Columns!.Select(c => c.Name + ":" + c.Type));
            Assert.Equal(("tabular", "Shopify.Orders", (string?)null), (source.Data!.Format, source.Params.TableName, source.Params.Path));
        }

        [Fact]
        public async Task A_file_source_reads_delimited_text_by_default_and_its_columns_are_not_checked_against_a_table()
        {
            var shop = (await PrerequisitesAsync()).Base;
            var mark = Engine.Journal.Total;

            // Planned only: the emulator's Shopify spec takes tables, not files.
            var host = await SourceAsync(new SourceConnectionInput { FlowName = "Files", BaseConnectionId = shop.Id, Path = "/exports/orders.csv", Columns = new[] { new SourceColumn("Anything", "string") } }, ChangeDecision.WhatIf);

            var source = LifecycleWorld.Only<SourceConnection>(host);
            Assert.Equal(("delimited", "/exports/orders.csv"), (source.Data!.Format, source.Params!.Path));
            Assert.Equal(("Files source", "Create source connection (/exports/orders.csv)"), host.Asked.Single());
            Assert.DoesNotContain(RequestsSince(mark), r => r.Contains("/explore", StringComparison.Ordinal));
        }

        [Fact]
        public async Task A_created_source_connection_is_written_as_sent_and_carries_the_ids_the_next_steps_bind()
        {
            var shop = (await PrerequisitesAsync()).Base;

            var host = await SourceAsync(new SourceConnectionInput { FlowName = "Carry", BaseConnectionId = shop.Id, TableName = "Shopify.Orders", Columns = new[] { new SourceColumn { Name = "Email" } }, Description = "orders" });

            var emitted = Assert.Single(host.Objects);
            var source = (SourceConnection)emitted.Value;
            var stored = Engine.Sandbox("prod")!.Collection("sourceConnections").Find(source.Id)!;
            Assert.Equal(((string?)stored["etag"], "enabled", "Carry source", "orders", shop.Id, WellKnown.ShopifyConnectionSpecId), (source.Etag, source.State, source.Name, source.Description, source.BaseConnectionId, source.ConnectionSpec!.Id));
            Assert.Equal(
                new[]
                {
                    ("FlowName", (object?)"Carry"), ("ConnectionSpecId", WellKnown.ShopifyConnectionSpecId), ("SourceConnectionId", source.Id), ("TableName", "Shopify.Orders"),
                    ("PartsCreated", "SourceConnection=" + source.Id), ("SourceConnectionOutcome", "Created"),
                },
                emitted.PipelineProperties.Select(p => (p.Key, p.Value)));
        }

        [Fact]
        public async Task A_planned_source_connection_needs_the_connection_spec_carried_for_its_planned_base_connection()
        {
            var planned = Planned.NewId("connection");

            var unknown = Refusal(await SourceAsync(new SourceConnectionInput { FlowName = "Plan", BaseConnectionId = planned, TableName = "Shopify.Orders" }, ChangeDecision.WhatIf));
            var host = await SourceAsync(
                new SourceConnectionInput { FlowName = "Plan", BaseConnectionId = planned, TableName = "Shopify.Orders", Carried = new PipelineIds().With(PipelineIds.ConnectionSpecId, WellKnown.ShopifyConnectionSpecId) },
                ChangeDecision.WhatIf);

            Assert.Equal("source connection for 'Plan': the connection spec of base connection " + planned + " is not known", unknown.Exception.Message);
            var emitted = Assert.Single(host.Objects);
            var source = (SourceConnection)emitted.Value;
            Assert.StartsWith("planned-sourceConnection-", source.Id, StringComparison.Ordinal);
            Assert.Equal(("planned", "Plan source", planned, "tabular", WellKnown.ShopifyConnectionSpecId), (source.State, source.Name, source.BaseConnectionId, source.Data!.Format, source.ConnectionSpec!.Id));
            Assert.Equal("Planned", emitted[PipelineIds.SourceConnectionOutcome]);
            Assert.Null(emitted[PipelineIds.PartsCreated]);
        }

        [Fact]
        public async Task A_source_connection_of_the_same_name_that_reads_otherwise_is_refused_with_the_remedy()
        {
            var shop = (await PrerequisitesAsync()).Base;
            var first = LifecycleWorld.Only<SourceConnection>(await SourceAsync(new SourceConnectionInput { FlowName = "Clash", BaseConnectionId = shop.Id, TableName = "Shopify.Orders", Columns = new[] { new SourceColumn { Name = "Email" } } }));

            var error = Refusal(await SourceAsync(new SourceConnectionInput { FlowName = "Clash", BaseConnectionId = shop.Id, Path = "/clash.json", Format = "JSON" }));

            Assert.Equal(
                "Clash: a source connection named 'Clash source' already exists (" + first.Id + ") and differs from the one asked for: "
                + "data.format is 'tabular', not 'json'; params.tableName is 'Shopify.Orders', not ''; params.path is '', not '/clash.json'; params.columns is 'Email:string', not ''. "
                + "Nothing was created. Give the flow another name, remove Clash source first, or use -UpdateExisting to change what it reads.",
                error.Message);
        }

        [Fact]
        public async Task UpdateExisting_patches_what_a_source_connection_reads_and_writes_it_as_updated()
        {
            var shop = (await PrerequisitesAsync()).Base;
            var first = LifecycleWorld.Only<SourceConnection>(await SourceAsync(new SourceConnectionInput { FlowName = "Change", BaseConnectionId = shop.Id, TableName = "Shopify.Orders", Columns = new[] { new SourceColumn { Name = "Email" } } }));
            var mark = Engine.Journal.Total;

            var host = await SourceAsync(new SourceConnectionInput { FlowName = "Change", BaseConnectionId = shop.Id, TableName = "Shopify.Orders", Columns = new[] { new SourceColumn { Name = "Phone" } }, UpdateExisting = true });

            var emitted = Assert.Single(host.Objects);
            var updated = (SourceConnection)emitted.Value;
            Assert.Equal((first.Id, "Updated"), (updated.Id, emitted[PipelineIds.SourceConnectionOutcome]));
            Assert.Equal(new[] { "Phone:string" }, updated.Params!.Columns!.Select(c => c.Name + ":" + c.Type));
            Assert.Equal(("Change source", "Update source connection " + first.Id + " (params.columns is 'Email:string', not 'Phone:string')"), host.Asked.Single());
            Assert.Equal(new[] { "PATCH " + FlowService + "/sourceConnections/" + first.Id }, RequestsSince(mark).Where(r => !r.StartsWith("GET ", StringComparison.Ordinal)));
            var stored = Engine.Sandbox("prod")!.Collection("sourceConnections").Find(first.Id)!;
            Assert.Equal("Phone", (string?)stored["params"]!["columns"]![0]!["name"]);
            Assert.Null(emitted[PipelineIds.PartsCreated]);
        }

        [Fact]
        public async Task UpdateExisting_cannot_move_a_source_connection_to_another_base_connection()
        {
            var shop = (await PrerequisitesAsync()).Base;
            var other = LifecycleWorld.Only<BaseConnection>(await RunAsync(host => new NewBaseConnectionOperation(_platform.Client).RunAsync(
                new BaseConnectionInput { Name = "Other shop", ConnectionSpec = "Shopify", Parameters = new Hashtable { ["host"] = "other.example", ["accessToken"] = "shpat-2" } }, host)));
            var first = LifecycleWorld.Only<SourceConnection>(await SourceAsync(new SourceConnectionInput { FlowName = "Moved", BaseConnectionId = shop.Id, TableName = "Shopify.Orders" }));
            var writes = Engine.Journal.Writes;

            var error = Refusal(await SourceAsync(new SourceConnectionInput { FlowName = "Moved", BaseConnectionId = other.Id, TableName = "Shopify.Orders", UpdateExisting = true }));

            Assert.Equal("PartConflict", error.ErrorId);
            Assert.Equal(first.Id, ((PlatformFlow.Client.Errors.PartConflictException)error.Exception).ExistingId);
            Assert.Equal(new[] { "baseConnectionId is '" + shop.Id + "', not '" + other.Id + "'" }, ((PlatformFlow.Client.Errors.PartConflictException)error.Exception).Differences);
            Assert.Equal(writes, Engine.Journal.Writes);
        }

        // New-TargetConnection

        [Theory]
        [InlineData("", "dataset-1")]
        [InlineData("Named", " ")]
        public async Task A_target_connection_needs_the_flows_name_and_a_dataset(string flowName, string datasetId)
        {
            var mark = Engine.Journal.Total;

            var error = Refusal(await TargetAsync(new TargetConnectionInput { FlowName = flowName, DatasetId = datasetId }));

            Assert.Equal("target connection for '" + flowName + "': a target connection needs the flow's Name and a DatasetId", error.Exception.Message);
            Assert.Equal(mark, Engine.Journal.Total);
        }

        [Fact]
        public async Task A_planned_dataset_needs_the_schema_given()
        {
            var error = Refusal(await TargetAsync(new TargetConnectionInput { FlowName = "Plan", DatasetId = Planned.NewId("dataSet") }, ChangeDecision.WhatIf));

            Assert.Equal("target connection for 'Plan': SchemaId is required with a planned dataset", error.Exception.Message);
        }

        [Fact]
        public async Task A_dataset_without_a_schema_needs_the_schema_given()
        {
            var dataset = (await PrerequisitesAsync()).Dataset;
            Engine.Sandbox("prod")!.Collection("dataSets").Find(dataset.Id)!.Remove("schemaRef");
            using var session = new TestPlatform(Engine);
            var host = new RecordingHost();

            await new NewTargetConnectionOperation(session.Client).RunAsync(new TargetConnectionInput { FlowName = "Schemaless", DatasetId = dataset.Id }, host);

            Assert.Equal("target connection for 'Schemaless': dataset " + dataset.Id + " has no schema; give -SchemaId", Refusal(host).Exception.Message);
        }

        [Fact]
        public async Task A_target_connection_writes_to_the_datasets_schema_on_the_data_lake_and_carries_the_ids_on()
        {
            var (schema, dataset, _) = await PrerequisitesAsync();

            var host = await TargetAsync(new TargetConnectionInput { FlowName = "Lake", DatasetId = dataset.Id, Description = "to the lake", Carried = new PipelineIds().With(PipelineIds.SourceConnectionId, "source-1") });

            var emitted = Assert.Single(host.Objects);
            var target = (TargetConnection)emitted.Value;
            var stored = Engine.Sandbox("prod")!.Collection("targetConnections").Find(target.Id)!;
            Assert.Equal(("Lake target", "Create target connection (dataset " + dataset.Id + ")"), host.Asked.Single());
            Assert.Equal(((string?)stored["etag"], "enabled", "Lake target", "to the lake"), (target.Etag, target.State, target.Name, target.Description));
            Assert.Equal((schema.Id, "application/vnd.adobe.xed-full-notext+json; version=1", "parquet_xdm", dataset.Id, "c604ff05-7f1a-43c0-8e18-33bf874cb11c"), (target.Data!.Schema!.Id, target.Data.Schema.Version, target.Data.Format, target.Params!.DataSetId, target.ConnectionSpec!.Id));
            Assert.Equal(
                new[]
                {
                    // DatasetId and SchemaId are the target connection's own properties.
                    ("FlowName", (object?)"Lake"), ("SourceConnectionId", "source-1"), ("TargetConnectionId", target.Id),
                    ("PartsCreated", "TargetConnection=" + target.Id), ("TargetConnectionOutcome", "Created"),
                },
                emitted.PipelineProperties.Select(p => (p.Key, p.Value)));
        }

        [Fact]
        public async Task A_target_connection_spec_given_by_name_is_resolved_and_a_planned_one_is_written_as_planned()
        {
            var dataset = (await PrerequisitesAsync()).Dataset;
            var writes = Engine.Journal.Writes;

            var host = await TargetAsync(new TargetConnectionInput { FlowName = "Planned lake", DatasetId = dataset.Id, SchemaId = "https://ns.adobe.com/tenant/schemas/given", ConnectionSpec = "DataLake" }, ChangeDecision.WhatIf);

            var emitted = Assert.Single(host.Objects);
            var target = (TargetConnection)emitted.Value;
            Assert.StartsWith("planned-targetConnection-", target.Id, StringComparison.Ordinal);
            Assert.Equal(("planned", "Planned lake target", "https://ns.adobe.com/tenant/schemas/given", dataset.Id, "c604ff05-7f1a-43c0-8e18-33bf874cb11c"), (target.State, target.Name, target.Data!.Schema!.Id, target.Params!.DataSetId, target.ConnectionSpec!.Id));
            Assert.Equal(("Planned", (object?)null), (emitted[PipelineIds.TargetConnectionOutcome], emitted[PipelineIds.PartsCreated]));
            Assert.Equal(writes, Engine.Journal.Writes);
        }

        [Fact]
        public async Task A_target_connection_of_the_same_name_on_another_dataset_is_refused_or_moved_with_UpdateExisting()
        {
            var (schema, dataset, _) = await PrerequisitesAsync();
            var other = await FlowBuilder.OnlyAsync<Dataset>(host => new NewDatasetOperation(_platform.Client).RunAsync(new DatasetInput { Name = "Other", SchemaId = schema.Id }, host));
            var first = LifecycleWorld.Only<TargetConnection>(await TargetAsync(new TargetConnectionInput { FlowName = "Moving", DatasetId = dataset.Id }));

            var refused = Refusal(await TargetAsync(new TargetConnectionInput { FlowName = "Moving", DatasetId = other.Id, Format = "json" }));
            var mark = Engine.Journal.Total;
            var host = await TargetAsync(new TargetConnectionInput { FlowName = "Moving", DatasetId = other.Id, UpdateExisting = true });

            Assert.Equal(
                "Moving: a target connection named 'Moving target' already exists (" + first.Id + ") and differs from the one asked for: params.dataSetId is '" + dataset.Id + "', not '" + other.Id + "'; "
                + "data.format is 'parquet_xdm', not 'json'. Nothing was created. Give the flow another name, remove Moving target first, or use -UpdateExisting to change its dataset.",
                refused.Message);
            var emitted = Assert.Single(host.Objects);
            Assert.Equal((first.Id, other.Id, "Updated"), (((TargetConnection)emitted.Value).Id, ((TargetConnection)emitted.Value).Params!.DataSetId, emitted[PipelineIds.TargetConnectionOutcome]));
            Assert.Equal(new[] { "PATCH " + FlowService + "/targetConnections/" + first.Id }, RequestsSince(mark).Where(r => !r.StartsWith("GET ", StringComparison.Ordinal)));
            Assert.Equal(other.Id, (string?)Engine.Sandbox("prod")!.Collection("targetConnections").Find(first.Id)!["params"]!["dataSetId"]);
        }

        [Fact]
        public async Task UpdateExisting_cannot_move_a_target_connection_to_another_connection_spec()
        {
            var dataset = (await PrerequisitesAsync()).Dataset;
            var first = LifecycleWorld.Only<TargetConnection>(await TargetAsync(new TargetConnectionInput { FlowName = "Fixed", DatasetId = dataset.Id }));
            var writes = Engine.Journal.Writes;

            var error = Refusal(await TargetAsync(new TargetConnectionInput { FlowName = "Fixed", DatasetId = dataset.Id, ConnectionSpec = WellKnown.ShopifyConnectionSpecId, UpdateExisting = true }));

            var conflict = Assert.IsType<PlatformFlow.Client.Errors.PartConflictException>(error.Exception);
            Assert.Equal(first.Id, conflict.ExistingId);
            Assert.Equal(new[] { "connectionSpec is 'c604ff05-7f1a-43c0-8e18-33bf874cb11c', not '" + WellKnown.ShopifyConnectionSpecId + "'" }, conflict.Differences);
            Assert.Equal(writes, Engine.Journal.Writes);
        }

        private static async Task<RecordingHost> RunAsync(Func<RecordingHost, Task> run)
        {
            var host = new RecordingHost();
            await run(host);
            return host;
        }
    }
}
