using System;
using System.Collections;
using System.Collections.Specialized;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
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

        private long PlatformWrites => _platform.Engine.Journal.Recent.Count(e => e.IsWrite && e.Path.StartsWith("/data/", StringComparison.Ordinal));

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
        private Task<RecordingHost> MappingAsync(string source, string destination, EmittedObject target) =>
            Step(host => new NewMappingSetOperation(_platform.Client).RunAsync(
                new MappingSetInput
                {
                    Mappings = new[] { Mapping.FromPair(source, destination) },
                    TargetConnectionId = ((TargetConnection)target.Value).Id,
                    SourceConnectionId = (string?)target[PipelineIds.SourceConnectionId],
                    SchemaId = (string?)target[PipelineIds.SchemaId],
                    Carried = PipelineIds.From(target.PipelineProperties),
                    Target = target.Value,
                },
                host));

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
            var calls = _platform.Engine.Journal.Recent.Skip((int)(mark - (_platform.Engine.Journal.Total - _platform.Engine.Journal.Recent.Count))).ToList();
            Assert.Equal(new[] { "POST /data/foundation/conversion/mappingSets/validate", "POST /data/foundation/conversion/mappingSets" },
                calls.Where(c => c.Method == "POST").Select(c => c.Method + " " + c.Path));
            Assert.False(calls.Single(c => c.Path.EndsWith("/validate", StringComparison.Ordinal)).IsWrite);
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
            Assert.Equal("MappingEvaluationFailed", error.ErrorId);
            Assert.Same(input.Sample[1], error.Target);
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
            var refused = await _platform.Client.FlowService.BaseConnections.CreateAsync(await TestPlatform.ShopifyConnectionAsync(_platform.Client, "Expired shop", accessToken: "invalid-shpat"));
            var host = new RecordingHost();

            await new TestBaseConnectionOperation(_platform.Client).RunAsync(new BaseConnectionTestInput { Id = refused.Id, Quiet = true }, host);

            Assert.Equal(false, Assert.Single(host.Objects).Value);
            Assert.Equal("Base connection " + refused.Id + ": the source refused its credentials.", Assert.Single(host.Verbose));
        }
    }
}
