using System;
using System.Collections;
using System.Linq;
using System.Threading.Tasks;
using PlatformFlow.Client.Errors;
using PlatformFlow.Client.Inputs;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Operations;
using PlatformFlow.Client.Parts;
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
        private readonly TestPlatform _platform = new TestPlatform();
        private (XdmSchema Schema, Dataset Dataset, BaseConnection Base)? _prerequisites;

        public void Dispose() => _platform.Dispose();

        private EmulatorEngine Engine => _platform.Engine;

        private async Task<(XdmSchema Schema, Dataset Dataset, BaseConnection Base)> PrerequisitesAsync() =>
            _prerequisites ??= await new FlowBuilder(_platform.Client).PrerequisitesAsync();

        /// <summary>Writes to the platform's services (signing in is not one).</summary>
        private int DataWrites => Engine.Journal.DataWrites();

        /// <summary>Runs one step's operation on a new host that answers prompts with <paramref name="decision"/>.</summary>
        private static async Task<RecordingHost> RunAsync(ChangeDecision decision, Func<RecordingHost, Task> run)
        {
            var host = new RecordingHost(decision);
            await run(host);
            return host;
        }

        private Task<RecordingHost> SourceAsync(SourceConnectionInput input, ChangeDecision decision = ChangeDecision.Proceed) =>
            RunAsync(decision, host => new NewSourceConnectionOperation(_platform.Client).RunAsync(input, host));

        private Task<RecordingHost> TargetAsync(TargetConnectionInput input, ChangeDecision decision = ChangeDecision.Proceed) =>
            RunAsync(decision, host => new NewTargetConnectionOperation(_platform.Client).RunAsync(input, host));

        private static OperationError Refusal(RecordingHost host)
        {
            Assert.Empty(host.Objects);
            return Assert.Single(host.Errors);
        }

        /// <summary>Each run is refused with <paramref name="message"/> and sends no request.</summary>
        private async Task AssertRefusedUnsentAsync(string message, params Func<Task<RecordingHost>>[] runs)
        {
            foreach (var run in runs)
            {
                var mark = Engine.Journal.Total;
                Assert.Equal(message, Refusal(await run()).Exception.Message);
                Assert.Equal(mark, Engine.Journal.Total);
            }
        }

        // New-SourceConnection

        [Fact]
        public async Task Every_problem_of_a_source_connection_input_is_named_at_once_before_any_request()
        {
            var mark = Engine.Journal.Total;

            var host = await SourceAsync(new SourceConnectionInput
            {
                TableName = "Shopify.Orders",
                Path = "/orders.csv",
                Format = "XML",
                Columns = new[] { new SourceColumn("Email", "varchar"), new SourceColumn { Name = "Phone" }, new SourceColumn("Id", "DOUBLE") },
                Target = "row 1",
            });

            var error = Refusal(host);
            Assert.Equal(("PreflightRejected", "row 1"), (error.ErrorId, error.Target));
            Assert.Equal(
                "source connection for '': Name: the flow needs a name; BaseConnectionId: a base connection id is required (only a file source without one, the Data Landing Zone, gives ConnectionSpecId instead); "
                + "give either TableName (a table source) or Path (a file source), not both; Format: 'xml' is not one of tabular, delimited, json, parquet; "
                + "Column Email: 'varchar' is not a column type; use one of string, boolean, byte, short, integer, long, float, double, decimal, number, date, datetime, timestamp, binary",
                error.Exception.Message);
            Assert.Equal(mark, Engine.Journal.Total);
        }

        [Fact]
        public async Task A_source_without_a_table_or_a_path_is_refused()
        {
            var shop = (await PrerequisitesAsync()).Base;

            var error = Refusal(await SourceAsync(new SourceConnectionInput { FlowName = "Nowhere", BaseConnectionId = shop.Id }));

            Assert.Equal("source connection for 'Nowhere': give either TableName (a table source) or Path (a file source); only a streaming source (HTTP API) reads neither", error.Exception.Message);
            Assert.Equal("Nowhere", error.Target);
        }

        [Fact]
        public async Task Columns_the_table_lacks_are_refused_naming_them_and_the_tables_columns()
        {
            var shop = (await PrerequisitesAsync()).Base;
            var writes = DataWrites;

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
            Assert.Equal(writes, DataWrites);
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
                Columns = new[] { new SourceColumn { Name = "email" }, new SourceColumn("total_price", "decimal"), new SourceColumn { Name = "customer_id" } },
            });

            var source = LifecycleWorld.Only<SourceConnection>(host);
            Assert.Equal(new[] { "Email:string", "Total_Price:decimal", "Customer_Id:double" }, source.Params!.Columns!.Select(c => c.Name + ":" + c.Type));
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
            Assert.DoesNotContain(Engine.Journal.CallsSince(mark), r => r.Contains("/explore", StringComparison.Ordinal));
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
            Assert.Equal("1.0", source.ConnectionSpec.Version);
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
            Assert.Equal(new[] { "PATCH /sourceConnections/" + first.Id }, Engine.Journal.CallsSince(mark).Where(r => !r.StartsWith("GET ", StringComparison.Ordinal)));
            var stored = Engine.Sandbox("prod")!.Collection("sourceConnections").Find(first.Id)!;
            Assert.Equal("Phone", (string?)stored["params"]!["columns"]![0]!["name"]);
            Assert.Null(emitted[PipelineIds.PartsCreated]);
        }

        [Fact]
        public async Task A_planned_file_source_without_columns_reads_every_column_and_names_none()
        {
            var shop = (await PrerequisitesAsync()).Base;

            var source = LifecycleWorld.Only<SourceConnection>(await SourceAsync(new SourceConnectionInput { FlowName = "All files", BaseConnectionId = shop.Id, Path = "/all.parquet", Format = "Parquet" }, ChangeDecision.WhatIf));

            Assert.Equal(("parquet", "/all.parquet"), (source.Data!.Format, source.Params!.Path));
            Assert.Null(source.Params.Columns);
        }

        [Fact]
        public async Task A_source_connection_of_the_same_name_on_another_kind_of_source_is_refused_naming_both_base_connection_and_spec()
        {
            var shop = (await PrerequisitesAsync()).Base;
            var s3 = LifecycleWorld.Only<BaseConnection>(await BaseAsync(new BaseConnectionInput { Name = "Bucket", ConnectionSpec = "amazon-s3", Parameters = new Hashtable { ["s3AccessKey"] = "AKIA1", ["s3SecretKey"] = "secret-1" } }));
            var first = LifecycleWorld.Only<SourceConnection>(await SourceAsync(new SourceConnectionInput { FlowName = "Kinds", BaseConnectionId = shop.Id, TableName = "Shopify.Orders", Columns = new[] { new SourceColumn { Name = "Email" } } }));

            var conflict = Assert.IsType<PartConflictException>(Refusal(await SourceAsync(new SourceConnectionInput { FlowName = "Kinds", BaseConnectionId = s3.Id, Path = "/orders.csv" }, ChangeDecision.WhatIf)).Exception);

            Assert.Equal(first.Id, conflict.ExistingId);
            Assert.Equal(
                new[]
                {
                    "baseConnectionId is '" + shop.Id + "', not '" + s3.Id + "'", "connectionSpec is '" + WellKnown.ShopifyConnectionSpecId + "', not 'ecadc60c-7455-4d87-84dc-2a0e293d997b'",
                    "data.format is 'tabular', not 'delimited'", "params.tableName is 'Shopify.Orders', not ''", "params.path is '', not '/orders.csv'", "params.columns is 'Email:string', not ''",
                },
                conflict.Differences);
        }

        [Fact]
        public async Task UpdateExisting_cannot_move_a_source_connection_to_another_base_connection()
        {
            var shop = (await PrerequisitesAsync()).Base;
            var other = LifecycleWorld.Only<BaseConnection>(await BaseAsync(
                new BaseConnectionInput { Name = "Other shop", ConnectionSpec = "Shopify", Parameters = new Hashtable { ["host"] = "other.example", ["accessToken"] = "shpat-2" } }));
            var first = LifecycleWorld.Only<SourceConnection>(await SourceAsync(new SourceConnectionInput { FlowName = "Moved", BaseConnectionId = shop.Id, TableName = "Shopify.Orders" }));
            var writes = DataWrites;

            var error = Refusal(await SourceAsync(new SourceConnectionInput { FlowName = "Moved", BaseConnectionId = other.Id, TableName = "Shopify.Orders", UpdateExisting = true }));

            Assert.Equal("PartConflict", error.ErrorId);
            var conflict = Assert.IsType<PartConflictException>(error.Exception);
            Assert.Equal(first.Id, conflict.ExistingId);
            Assert.Equal(new[] { "baseConnectionId is '" + shop.Id + "', not '" + other.Id + "'" }, conflict.Differences);
            Assert.Equal(writes, DataWrites);
        }

        [Fact]
        public async Task A_blank_path_beside_a_table_is_no_path_and_the_table_is_read_as_a_table()
        {
            var shop = (await PrerequisitesAsync()).Base;

            var host = await SourceAsync(new SourceConnectionInput { FlowName = "Blank path", BaseConnectionId = shop.Id, TableName = "Shopify.Orders", Path = " ", Columns = new[] { new SourceColumn { Name = "Email" } } });

            var source = LifecycleWorld.Only<SourceConnection>(host);
            Assert.Equal(("tabular", "Shopify.Orders", (string?)null), (source.Data!.Format, source.Params!.TableName, source.Params.Path));
            Assert.Equal(("Blank path source", "Create source connection (Shopify.Orders)"), host.Asked.Single());
        }

        [Fact]
        public async Task A_blank_table_beside_a_path_is_no_table_and_the_file_is_read_as_delimited_text()
        {
            var shop = (await PrerequisitesAsync()).Base;

            var host = await SourceAsync(new SourceConnectionInput { FlowName = "Blank table", BaseConnectionId = shop.Id, TableName = string.Empty, Path = "/orders.csv" }, ChangeDecision.WhatIf);

            var emitted = Assert.Single(host.Objects);
            var source = (SourceConnection)emitted.Value;
            Assert.Equal(("delimited", (string?)null, "/orders.csv"), (source.Data!.Format, source.Params!.TableName, source.Params.Path));
            Assert.Equal(("Blank table source", "Create source connection (/orders.csv)"), host.Asked.Single());
            Assert.Null(emitted[PipelineIds.TableName]);
        }

        [Fact]
        public async Task The_base_connections_own_connection_spec_wins_over_a_carried_one_which_stands_in_when_it_has_none()
        {
            var shop = (await PrerequisitesAsync()).Base;
            var carried = new PipelineIds().With(PipelineIds.ConnectionSpecId, "ecadc60c-7455-4d87-84dc-2a0e293d997b");

            var own = LifecycleWorld.Only<SourceConnection>(await SourceAsync(new SourceConnectionInput { FlowName = "Own spec", BaseConnectionId = shop.Id, TableName = "Shopify.Orders", Carried = carried }, ChangeDecision.WhatIf));
            Engine.Sandbox("prod")!.Collection("connections").Find(shop.Id)!.Remove("connectionSpec");
            using var session = new TestPlatform(Engine);
            var host = new RecordingHost(ChangeDecision.WhatIf);
            await new NewSourceConnectionOperation(session.Client).RunAsync(new SourceConnectionInput { FlowName = "Carried spec", BaseConnectionId = shop.Id, Path = "/orders.csv", Carried = carried }, host);

            Assert.Equal(WellKnown.ShopifyConnectionSpecId, own.ConnectionSpec!.Id);
            // No columns named: every column of the table, with the table's types.
            Assert.Equal(("Id:double", 12), (own.Params!.Columns![0].Name + ":" + own.Params.Columns[0].Type, own.Params.Columns.Count));
            Assert.Equal("ecadc60c-7455-4d87-84dc-2a0e293d997b", LifecycleWorld.Only<SourceConnection>(host).ConnectionSpec!.Id);
        }

        [Fact]
        public async Task A_table_column_the_platform_gives_no_type_is_read_as_text()
        {
            var engine = new EmulatorEngine(new EmulatorOptions());
            using var client = TestPlatform.NewClientThrough(engine, emulator => new AnswerRewriter(emulator, "/explore", ExploreAnswers.UntypedColumns));
            var shop = await TestPlatform.CreateShopifyConnectionAsync(client, "Untyped shop");
            var all = new RecordingHost(ChangeDecision.WhatIf);
            var named = new RecordingHost(ChangeDecision.WhatIf);

            await new NewSourceConnectionOperation(client).RunAsync(new SourceConnectionInput { FlowName = "All", BaseConnectionId = shop.Id, TableName = "Shopify.Orders" }, all);
            await new NewSourceConnectionOperation(client).RunAsync(new SourceConnectionInput { FlowName = "Named", BaseConnectionId = shop.Id, TableName = "Shopify.Orders", Columns = new[] { new SourceColumn { Name = "Total_Price" } } }, named);

            Assert.Equal(12, LifecycleWorld.Only<SourceConnection>(all).Params!.Columns!.Count(c => c.Type == "string"));
            Assert.Equal(new[] { "Total_Price:string" }, LifecycleWorld.Only<SourceConnection>(named).Params!.Columns!.Select(c => c.Name + ":" + c.Type));
        }

        [Fact]
        public async Task A_column_without_a_name_is_invalid_input_of_New_SourceConnection()
        {
            var shop = (await PrerequisitesAsync()).Base;

            var error = Refusal(await SourceAsync(new SourceConnectionInput { FlowName = "Unnamed column", BaseConnectionId = shop.Id, TableName = "Shopify.Orders", Columns = new[] { new SourceColumn { Name = null! } } }));

            Assert.Equal(("NewSourceConnectionInvalidInput", "Unnamed column"), (error.ErrorId, error.Target));
        }

        [Theory]
        [InlineData("NewSourceConnection")]
        [InlineData("NewTargetConnection")]
        [InlineData("NewXdmSchema")]
        [InlineData("NewDataset")]
        [InlineData("NewBaseConnection")]
        public async Task A_prompt_that_fails_is_reported_under_the_steps_own_error_id_naming_the_piped_input(string step)
        {
            var (schema, dataset, shop) = await PrerequisitesAsync();
            var host = new RecordingHost { PromptFailure = new InvalidOperationException("a prompt needs an interactive session") };
            var operation = step switch
            {
                "NewSourceConnection" => new NewSourceConnectionOperation(_platform.Client).RunAsync(new SourceConnectionInput { FlowName = "Prompted", BaseConnectionId = shop.Id, TableName = "Shopify.Orders", Target = "row 9" }, host),
                "NewTargetConnection" => new NewTargetConnectionOperation(_platform.Client).RunAsync(new TargetConnectionInput { FlowName = "Prompted", DatasetId = dataset.Id, Target = "row 9" }, host),
                "NewXdmSchema" => new NewXdmSchemaOperation(_platform.Client).RunAsync(new XdmSchemaInput { Title = "Prompted", Class = "profile", Target = "row 9" }, host),
                "NewDataset" => new NewDatasetOperation(_platform.Client).RunAsync(new DatasetInput { Name = "Prompted", SchemaId = schema.Id, Target = "row 9" }, host),
                _ => new NewBaseConnectionOperation(_platform.Client).RunAsync(new BaseConnectionInput { Name = "Prompted", ConnectionSpec = "Shopify", Parameters = new Hashtable { ["host"] = "h", ["accessToken"] = "t" }, Target = "row 9" }, host),
            };
            var writes = DataWrites;

            await operation;

            var error = Refusal(host);
            Assert.Equal((step + "Failed", "row 9", "Prompted: a prompt needs an interactive session"), (error.ErrorId, error.Target, error.Message));
            Assert.Equal(writes, DataWrites);
        }

        [Fact]
        public async Task Each_part_declined_at_the_prompt_is_neither_sent_nor_written()
        {
            var (schema, dataset, _) = await PrerequisitesAsync();
            var host = new RecordingHost(ChangeDecision.Declined);
            var writes = DataWrites;

            await new NewTargetConnectionOperation(_platform.Client).RunAsync(new TargetConnectionInput { FlowName = "Declined", DatasetId = dataset.Id }, host);
            await new NewXdmSchemaOperation(_platform.Client).RunAsync(new XdmSchemaInput { Title = "Declined", Class = "profile" }, host);
            await new NewDatasetOperation(_platform.Client).RunAsync(new DatasetInput { Name = "Declined", SchemaId = schema.Id }, host);

            Assert.Equal(new[] { "Declined target", "Declined", "Declined" }, host.Asked.Select(a => a.Target));
            Assert.Empty(host.Objects);
            Assert.Empty(host.Errors);
            Assert.Equal(writes, DataWrites);
        }

        // New-TargetConnection

        [Fact]
        public async Task A_target_connection_needs_the_flows_name_and_a_dataset()
        {
            await AssertRefusedUnsentAsync("target connection for '': a target connection needs the flow's Name and a DatasetId", () => TargetAsync(new TargetConnectionInput { DatasetId = "dataset-1" }));
            await AssertRefusedUnsentAsync(
                "target connection for 'Named': a target connection needs the flow's Name and a DatasetId",
                () => TargetAsync(new TargetConnectionInput { FlowName = "Named" }),
                () => TargetAsync(new TargetConnectionInput { FlowName = "Named", DatasetId = " " }));
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
            Assert.Equal("1.0", target.ConnectionSpec.Version);
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
            var writes = DataWrites;

            var host = await TargetAsync(new TargetConnectionInput { FlowName = "Planned lake", DatasetId = dataset.Id, SchemaId = "https://ns.adobe.com/tenant/schemas/given", ConnectionSpec = "DataLake" }, ChangeDecision.WhatIf);

            var emitted = Assert.Single(host.Objects);
            var target = (TargetConnection)emitted.Value;
            Assert.StartsWith("planned-targetConnection-", target.Id, StringComparison.Ordinal);
            Assert.Equal(("planned", "Planned lake target", "https://ns.adobe.com/tenant/schemas/given", dataset.Id, "c604ff05-7f1a-43c0-8e18-33bf874cb11c"), (target.State, target.Name, target.Data!.Schema!.Id, target.Params!.DataSetId, target.ConnectionSpec!.Id));
            Assert.Equal(("Planned", (object?)null), (emitted[PipelineIds.TargetConnectionOutcome], emitted[PipelineIds.PartsCreated]));
            Assert.Equal(writes, DataWrites);
        }

        [Fact]
        public async Task A_target_connection_of_the_same_name_on_another_dataset_is_refused_or_moved_with_UpdateExisting()
        {
            var (schema, dataset, _) = await PrerequisitesAsync();
            var other = LifecycleWorld.Only<Dataset>(await DatasetAsync(new DatasetInput { Name = "Other", SchemaId = schema.Id }));
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
            Assert.Equal(new[] { "PATCH /targetConnections/" + first.Id }, Engine.Journal.CallsSince(mark).Where(r => !r.StartsWith("GET ", StringComparison.Ordinal)));
            Assert.Equal(other.Id, (string?)Engine.Sandbox("prod")!.Collection("targetConnections").Find(first.Id)!["params"]!["dataSetId"]);
        }

        [Fact]
        public async Task A_target_step_that_fails_after_the_rows_source_was_created_keeps_it_and_says_how_to_remove_it()
        {
            var shop = (await PrerequisitesAsync()).Base;
            var source = LifecycleWorld.Only<SourceConnection>(await SourceAsync(new SourceConnectionInput { FlowName = "Half", BaseConnectionId = shop.Id, TableName = "Shopify.Orders" }));
            var mark = Engine.Journal.Total;

            var host = await TargetAsync(new TargetConnectionInput { FlowName = "Half", DatasetId = Planned.NewId("dataSet"), Carried = new PipelineIds().WithCreated(nameof(SourceConnection), source.Id) });

            Assert.Equal("PreflightRejected", Refusal(host).ErrorId);
            Assert.Equal(new[] { "Flow 'Half' was not created; the parts made for it remain: source connection " + source.Id + ". Remove them with: Remove-SourceConnection -Id " + source.Id + " -Force." }, host.Warnings);
            Assert.Empty(host.Asked);
            Assert.Empty(Engine.Journal.CallsSince(mark));
        }

        [Fact]
        public async Task A_target_connection_of_the_same_name_on_another_schema_is_refused_naming_it()
        {
            var dataset = (await PrerequisitesAsync()).Dataset;
            var first = LifecycleWorld.Only<TargetConnection>(await TargetAsync(new TargetConnectionInput { FlowName = "Schemas", DatasetId = dataset.Id }));

            var conflict = Assert.IsType<PartConflictException>(Refusal(await TargetAsync(new TargetConnectionInput { FlowName = "Schemas", DatasetId = dataset.Id, SchemaId = "https://ns.adobe.com/tenant/schemas/other" })).Exception);

            Assert.Equal(new[] { "data.schema.id is '" + first.SchemaId + "', not 'https://ns.adobe.com/tenant/schemas/other'" }, conflict.Differences);
        }

        [Fact]
        public async Task UpdateExisting_cannot_move_a_target_connection_to_another_connection_spec()
        {
            var dataset = (await PrerequisitesAsync()).Dataset;
            var first = LifecycleWorld.Only<TargetConnection>(await TargetAsync(new TargetConnectionInput { FlowName = "Fixed", DatasetId = dataset.Id }));
            var writes = DataWrites;

            var error = Refusal(await TargetAsync(new TargetConnectionInput { FlowName = "Fixed", DatasetId = dataset.Id, ConnectionSpec = WellKnown.ShopifyConnectionSpecId, UpdateExisting = true }));

            var conflict = Assert.IsType<PartConflictException>(error.Exception);
            Assert.Equal(first.Id, conflict.ExistingId);
            Assert.Equal(new[] { "connectionSpec is 'c604ff05-7f1a-43c0-8e18-33bf874cb11c', not '" + WellKnown.ShopifyConnectionSpecId + "'" }, conflict.Differences);
            Assert.Equal(writes, DataWrites);
        }

        // New-XdmSchema

        [Fact]
        public async Task A_schema_needs_a_title_and_a_class()
        {
            await AssertRefusedUnsentAsync(
                "schema: a schema needs a Title and a Class",
                () => SchemaAsync(new XdmSchemaInput { Class = "profile" }),
                () => SchemaAsync(new XdmSchemaInput { Title = "Titled" }),
                () => SchemaAsync(new XdmSchemaInput { Title = "Titled", Class = " " }));
        }

        [Theory]
        [InlineData("profil", new string[0], "XdmClassNotFound", "No class is named 'profil'. Did you mean 'profile'?", "Use 'profile', or press Tab after New-XdmSchema -Class to see them all.")]
        [InlineData(
            "https://ns.adobe.com/xdm/context/profile",
            new[] { "identitymap", "https://ns.adobe.com/xdm/context/identity-mapp" },
            "FieldGroupNotFound",
            "No field group is named 'identity-mapp'. Did you mean 'identitymap'?",
            "Use 'identitymap', or press Tab after New-XdmSchema -FieldGroup to see them all.")]
        public async Task An_unknown_standard_class_or_field_group_is_not_found_by_its_short_name_with_the_closest_before_any_write(
            string xdmClass, string[] fieldGroups, string errorId, string message, string recommendedAction)
        {
            var writes = DataWrites;

            var error = Refusal(await SchemaAsync(new XdmSchemaInput { Title = "Typo", Class = xdmClass, FieldGroups = fieldGroups }));

            Assert.Equal((errorId, message), (error.ErrorId, error.Exception.Message));
            Assert.Equal(recommendedAction, error.RecommendedAction);
            Assert.Equal(writes, DataWrites);
        }

        [Fact]
        public async Task A_tenant_class_is_left_to_the_platform_and_a_planned_schema_lists_the_class_then_its_field_groups()
        {
            var mark = Engine.Journal.Total;
            const string tenantClass = "https://ns.adobe.com/tenant/classes/loyalty";

            var host = await SchemaAsync(new XdmSchemaInput { Title = "Planned", Class = tenantClass, Description = "d", FieldGroups = new[] { " ", string.Empty } }, ChangeDecision.WhatIf);

            var emitted = Assert.Single(host.Objects);
            var schema = (XdmSchema)emitted.Value;
            Assert.Equal(new[] { "GET /tenant/schemas" }, Engine.Journal.CallsSince(mark).Where(call => !call.Contains("/ims/")));
            Assert.Equal(("Planned", "Create XDM schema (" + tenantClass + ")"), host.Asked.Single());
            Assert.StartsWith("planned-schema-", schema.Id, StringComparison.Ordinal);
            Assert.Equal(("Planned", "d", tenantClass, "object"), (schema.Title, schema.Description, schema.Class, schema.Type));
            Assert.Equal(new[] { tenantClass }, schema.AllOf!.Select(r => r.Ref));
            Assert.Equal(new[] { ("SchemaId", (object?)schema.Id) }, emitted.PipelineProperties.Select(p => (p.Key, p.Value)));
        }

        [Fact]
        public async Task A_reference_with_a_scheme_separator_anywhere_is_kept_whole()
        {
            var schema = LifecycleWorld.Only<XdmSchema>(await SchemaAsync(new XdmSchemaInput { Title = "Odd", Class = "://tenant/classes/odd" }, ChangeDecision.WhatIf));

            Assert.Equal("://tenant/classes/odd", schema.Class);
        }

        [Fact]
        public async Task A_schema_is_created_from_short_names_and_the_standard_lists_are_read_once_per_operation()
        {
            var operation = new NewXdmSchemaOperation(_platform.Client);
            var mark = Engine.Journal.Total;
            var first = new RecordingHost();
            var second = new RecordingHost();

            await operation.RunAsync(new XdmSchemaInput { Title = "Customers", Class = "profile", FieldGroups = new[] { " profile-person-details " } }, first);
            await operation.RunAsync(new XdmSchemaInput { Title = "Customers 2", Class = "profile", FieldGroups = new[] { "identitymap" } }, second);

            var schema = LifecycleWorld.Only<XdmSchema>(first);
            Assert.Equal(new[] { "https://ns.adobe.com/xdm/context/profile", "https://ns.adobe.com/xdm/context/profile-person-details" }, schema.AllOf!.Select(r => r.Ref));
            Assert.Equal(schema.Id, Assert.Single(first.Objects)[PipelineIds.SchemaId]);
            LifecycleWorld.Only<XdmSchema>(second);
            var requests = Engine.Journal.CallsSince(mark);
            Assert.Single(requests, r => r.EndsWith("/global/classes", StringComparison.Ordinal));
            Assert.Single(requests, r => r.EndsWith("/global/fieldgroups", StringComparison.Ordinal));
        }

        // New-Dataset

        [Fact]
        public async Task A_dataset_needs_a_name_and_a_schema()
        {
            await AssertRefusedUnsentAsync(
                "dataset: a dataset needs a Name and a SchemaId",
                () => DatasetAsync(new DatasetInput { SchemaId = "https://ns.adobe.com/tenant/schemas/s" }),
                () => DatasetAsync(new DatasetInput { Name = "Named" }),
                () => DatasetAsync(new DatasetInput { Name = "Named", SchemaId = " " }));
        }

        [Fact]
        public async Task A_dataset_on_a_schema_the_sandbox_lacks_is_refused_before_any_write()
        {
            var writes = DataWrites;

            var error = Refusal(await DatasetAsync(new DatasetInput { Name = "Orphan", SchemaId = "https://ns.adobe.com/tenant/schemas/missing" }));

            Assert.Equal(("PreflightRejected", "dataset 'Orphan': SchemaId: https://ns.adobe.com/tenant/schemas/missing is not a schema of this sandbox (Get-XdmSchema lists them)"), (error.ErrorId, error.Exception.Message));
            Assert.Equal(writes, DataWrites);
        }

        [Fact]
        public async Task A_schema_lookup_that_fails_otherwise_than_not_found_is_reported_as_it_is()
        {
            var schema = (await PrerequisitesAsync()).Schema;
            var writes = DataWrites;
            Engine.Faults.Enqueue(403, FaultTiming.BeforeHandling, "GET");

            var error = Refusal(await DatasetAsync(new DatasetInput { Name = "Forbidden", SchemaId = schema.Id }));

            Assert.Equal(OperationErrorCategory.PermissionDenied, error.Category);
            Assert.Equal(writes, DataWrites);
        }

        [Fact]
        public async Task A_dataset_is_created_on_its_schema_and_carries_its_id_with_what_came_before()
        {
            var schema = (await PrerequisitesAsync()).Schema;

            var host = await DatasetAsync(new DatasetInput { Name = "Orders", SchemaId = schema.Id, Description = "all orders", Carried = new PipelineIds().With(PipelineIds.FlowName, "Orders flow") });

            var emitted = Assert.Single(host.Objects);
            var dataset = (Dataset)emitted.Value;
            Assert.Equal(("Orders", "Create dataset on schema " + schema.Id), host.Asked.Single());
            Assert.Equal(("Orders", "all orders", schema.Id), (dataset.Name, dataset.Description, dataset.SchemaRef!.Id));
            Assert.NotNull(Engine.Sandbox("prod")!.Collection("dataSets").Find(dataset.Id));
            // SchemaId is the dataset's own property.
            Assert.Equal(new[] { ("FlowName", (object?)"Orders flow"), ("DatasetId", dataset.Id) }, emitted.PipelineProperties.Select(p => (p.Key, p.Value)));
        }

        [Fact]
        public async Task A_dataset_on_a_planned_schema_is_planned_without_looking_the_schema_up()
        {
            var planned = Planned.NewId("schema");
            var mark = Engine.Journal.Total;

            var host = await DatasetAsync(new DatasetInput { Name = "Later", SchemaId = planned, Description = "d" }, ChangeDecision.WhatIf);

            var dataset = LifecycleWorld.Only<Dataset>(host);
            Assert.StartsWith("planned-dataSet-", dataset.Id, StringComparison.Ordinal);
            Assert.Equal(("Later", "d", planned, "application/vnd.adobe.xed-full-notext+json; version=1"), (dataset.Name, dataset.Description, dataset.SchemaRef!.Id, dataset.SchemaRef.ContentType));
            Assert.Empty(Engine.Journal.CallsSince(mark));
        }

        // New-BaseConnection

        [Fact]
        public async Task A_base_connection_is_created_after_asking_and_carries_its_id_and_connection_spec()
        {
            var host = await BaseAsync(new BaseConnectionInput { Name = "Shop 2", ConnectionSpec = "Shopify", Description = "second shop", Parameters = new Hashtable { ["host"] = "shop2.example", ["accessToken"] = "shpat-2" } });

            var emitted = Assert.Single(host.Objects);
            var connection = (BaseConnection)emitted.Value;
            Assert.Equal(("Shop 2", "Create base connection (shopify)"), host.Asked.Single());
            Assert.Equal(("Shop 2", "second shop", "Basic Authentication"), (connection.Name, connection.Description, connection.Auth!.SpecName));
            Assert.Equal(new[] { ("BaseConnectionId", (object?)connection.Id), ("ConnectionSpecId", WellKnown.ShopifyConnectionSpecId) }, emitted.PipelineProperties.Select(p => (p.Key, p.Value)));
        }

        [Fact]
        public async Task A_connection_spec_without_an_auth_spec_takes_no_base_connection()
        {
            var writes = DataWrites;

            var error = Refusal(await BaseAsync(new BaseConnectionInput { Name = "Lake", ConnectionSpec = "DataLake", Target = "row 2" }));

            Assert.Equal("base connection 'Lake': connection spec DataLake has no auth spec", error.Exception.Message);
            Assert.Equal(("PreflightRejected", "row 2"), (error.ErrorId, error.Target));
            Assert.Equal(writes, DataWrites);
        }

        [Fact]
        public async Task A_planned_base_connection_uses_the_auth_spec_asked_for_and_sends_nothing()
        {
            var writes = DataWrites;

            var host = await BaseAsync(
                new BaseConnectionInput { Name = "Planned shop", ConnectionSpec = "Shopify", AuthSpecName = "Access Token Based", Description = "d", Parameters = new Hashtable { ["host"] = "shop.example", ["accessToken"] = "shpat-3" } },
                ChangeDecision.WhatIf);

            var connection = LifecycleWorld.Only<BaseConnection>(host);
            Assert.StartsWith("planned-connection-", connection.Id, StringComparison.Ordinal);
            Assert.Equal(("Planned shop", "d", "planned", "Access Token Based", WellKnown.ShopifyConnectionSpecId, "1.0"), (connection.Name, connection.Description, connection.State, connection.Auth!.SpecName, connection.ConnectionSpec!.Id, connection.ConnectionSpec.Version));
            Assert.Equal(writes, DataWrites);
        }

        [Fact]
        public async Task A_base_connection_without_parameters_is_refused_naming_what_its_auth_spec_requires()
        {
            var writes = DataWrites;

            var error = Refusal(await BaseAsync(new BaseConnectionInput { Name = "Bare", ConnectionSpec = "Shopify" }));

            Assert.Equal("PreflightRejected", error.ErrorId);
            Assert.StartsWith("base connection 'Bare': ", error.Exception.Message, StringComparison.Ordinal);
            Assert.Contains("host", error.Exception.Message, StringComparison.Ordinal);
            Assert.Equal(writes, DataWrites);
        }

        [Fact]
        public async Task A_base_connection_given_no_spec_looks_for_an_empty_spec_name_and_one_given_no_name_is_refused_unsent()
        {
            var noSpec = Refusal(await BaseAsync(new BaseConnectionInput { Name = "Specless" }));
            var mark = Engine.Journal.Total;
            var noName = Refusal(await BaseAsync(new BaseConnectionInput { ConnectionSpec = "DataLake" }));

            // The cmdlet's parameter is mandatory (PowerShell refuses an empty one); the operation asks the platform for the name "".
            Assert.Equal("FLOW-1453-400", noSpec.ErrorId);
            Assert.Contains("name==\"\"", noSpec.Exception.Message, StringComparison.Ordinal);
            Assert.Equal(("PreflightRejected", "base connection: Name: a name is required (non-empty text)"), (noName.ErrorId, noName.Exception.Message));
            Assert.DoesNotContain(Engine.Journal.CallsSince(mark), call => !call.Contains("/ims/"));
        }

        [Fact]
        public async Task A_parameter_name_that_reads_as_nothing_is_invalid_input_of_New_BaseConnection()
        {
            var writes = DataWrites;

            var error = Refusal(await BaseAsync(new BaseConnectionInput { Name = "Odd", ConnectionSpec = "Shopify", Parameters = new Hashtable { [new NamelessKey()] = "x" } }));

            Assert.Equal(("NewBaseConnectionInvalidInput", "Odd", "A parameter name is empty."), (error.ErrorId, error.Target, error.Exception.Message));
            Assert.Equal(writes, DataWrites);
        }

        [Fact]
        public async Task A_base_connection_declined_at_the_prompt_is_neither_sent_nor_written()
        {
            var writes = DataWrites;

            var host = await BaseAsync(new BaseConnectionInput { Name = "Declined", ConnectionSpec = "Shopify", Parameters = new Hashtable { ["host"] = "shop.example", ["accessToken"] = "shpat-4" } }, ChangeDecision.Declined);

            Assert.Equal(("Declined", "Create base connection (shopify)"), host.Asked.Single());
            Assert.Empty(host.Objects);
            Assert.Empty(host.Errors);
            Assert.Equal(writes, DataWrites);
        }

        [Theory]
        [InlineData(null, "1.0")]
        [InlineData("2.0", "2.0")]
        public async Task A_base_connection_refers_to_its_specs_version_and_to_1_0_when_the_spec_has_none(string? answered, string referred)
        {
            // An engine without credentials, which takes the ready token such a client sends.
            using var client = TestPlatform.NewClientThrough(new EmulatorEngine(new EmulatorOptions()), emulator => new AnswerRewriter(emulator, "/connectionSpecs", answer =>
            {
                foreach (var spec in answer["items"]!.AsArray())
                {
                    spec!["version"] = answered;
                }

                return answer;
            }));
            var host = new RecordingHost(ChangeDecision.WhatIf);

            await new NewBaseConnectionOperation(client).RunAsync(new BaseConnectionInput { Name = "Versioned", ConnectionSpec = "Shopify", Parameters = new Hashtable { ["host"] = "shop.example", ["accessToken"] = "shpat-5" } }, host);

            var connection = LifecycleWorld.Only<BaseConnection>(host);
            Assert.Equal((WellKnown.ShopifyConnectionSpecId, referred), (connection.ConnectionSpec!.Id, connection.ConnectionSpec.Version));
        }

        private Task<RecordingHost> SchemaAsync(XdmSchemaInput input, ChangeDecision decision = ChangeDecision.Proceed) =>
            RunAsync(decision, host => new NewXdmSchemaOperation(_platform.Client).RunAsync(input, host));

        private Task<RecordingHost> DatasetAsync(DatasetInput input, ChangeDecision decision = ChangeDecision.Proceed) =>
            RunAsync(decision, host => new NewDatasetOperation(_platform.Client).RunAsync(input, host));

        private Task<RecordingHost> BaseAsync(BaseConnectionInput input, ChangeDecision decision = ChangeDecision.Proceed) =>
            RunAsync(decision, host => new NewBaseConnectionOperation(_platform.Client).RunAsync(input, host));

        /// <summary>A hashtable key whose text is null (what a PowerShell object with an odd ToString can be).</summary>
        private sealed class NamelessKey
        {
            public override string ToString() => null!;
        }
    }
}
