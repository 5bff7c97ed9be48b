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
using static PlatformFlow.Tests.Cmdlets.FlowPipelineFixture;

namespace PlatformFlow.Tests.Cmdlets
{
    /// <summary>Calculated fields through the cmdlets' logic: New-MappingSet's '=' sources, its validation, its -WhatIf preview; Test-MappingSet; Test-BaseConnection.</summary>
    public sealed class CalculatedFieldTests : IDisposable
    {
        private readonly FlowPipelineFixture _pipeline = new FlowPipelineFixture();

        public void Dispose() => _pipeline.Dispose();

        private long PlatformWrites => _pipeline.Platform.Engine.Journal.Recent.Count(e => e.IsWrite && e.Path.StartsWith("/data/", StringComparison.Ordinal));

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
            var (_, dataset, shop) = await _pipeline.PrerequisitesAsync();
            var source = await _pipeline.NewSourceConnectionAsync(Params(("FlowName", "Calc"), ("BaseConnectionId", shop.Id), ("TableName", "Shopify.Orders"), ("Column", new object[] { "Email", "Phone" })));
            var target = await _pipeline.NewTargetConnectionAsync(Params(("DatasetId", dataset.Id)), source.Output);
            var mark = _pipeline.Platform.Engine.Journal.Total;

            var created = await _pipeline.NewMappingSetAsync(Params(("Mapping", new object[] { new Hashtable { ["=lower(Email)"] = "personalEmail.address" } })), target.Output);

            var mappingSet = Assert.IsType<MappingSet>(created.Output.Value);
            Assert.Equal(("EXPRESSION", "lower(Email)"), (mappingSet.Mappings!.Single().SourceType, mappingSet.Mappings!.Single().Source));
            var calls = _pipeline.Platform.Engine.Journal.Recent.Skip((int)(mark - (_pipeline.Platform.Engine.Journal.Total - _pipeline.Platform.Engine.Journal.Recent.Count))).ToList();
            Assert.Equal(new[] { "POST /data/foundation/conversion/mappingSets/validate", "POST /data/foundation/conversion/mappingSets" },
                calls.Where(c => c.Method == "POST").Select(c => c.Method + " " + c.Path));
            Assert.False(calls.Single(c => c.Path.EndsWith("/validate", StringComparison.Ordinal)).IsWrite);
        }

        [Fact]
        public async Task New_mapping_set_refuses_a_field_the_source_connection_does_not_read()
        {
            var (_, dataset, shop) = await _pipeline.PrerequisitesAsync();
            var source = await _pipeline.NewSourceConnectionAsync(Params(("FlowName", "Calc"), ("BaseConnectionId", shop.Id), ("TableName", "Shopify.Orders"), ("Column", new object[] { "Email" })));
            var target = await _pipeline.NewTargetConnectionAsync(Params(("DatasetId", dataset.Id)), source.Output);
            var writes = PlatformWrites;

            var refused = await _pipeline.NewMappingSetAsync(Params(("Mapping", new object[] { new Hashtable { ["=concat(Email, Phone)"] = "personalEmail.address" } })), target.Output);

            var error = Assert.Single(refused.Host.Errors);
            Assert.Equal("PreflightRejected", error.ErrorId);
            Assert.Contains("'=concat(Email, Phone) -> personalEmail.address': UNKNOWN_SOURCE_FIELD", error.Message);
            Assert.Equal(writes, PlatformWrites);
        }

        [Fact]
        public async Task WhatIf_plans_the_mapping_set_with_the_records_of_the_carried_tables_sample_rows()
        {
            var (_, dataset, shop) = await _pipeline.PrerequisitesAsync();
            RecordingHost WhatIf() => new RecordingHost(ChangeDecision.WhatIf);
            var source = await _pipeline.NewSourceConnectionAsync(Params(("FlowName", "Planned"), ("BaseConnectionId", shop.Id), ("TableName", "Shopify.Orders")), host: WhatIf());
            var target = await _pipeline.NewTargetConnectionAsync(Params(("DatasetId", dataset.Id)), source.Output, WhatIf());
            var writes = PlatformWrites;

            var planned = await _pipeline.NewMappingSetAsync(Params(("Mapping", new object[] { new Hashtable { ["=upper(Shipping_Address_Country_Code)"] = "homeAddress.countryCode" } })), target.Output, WhatIf());

            var mappingSet = Assert.IsType<MappingSet>(planned.Output.Value);
            Assert.Equal(writes, PlatformWrites);
            Assert.Equal(new object[] { "DK", "FR", "KR", "BR", "US" }, mappingSet.Preview!.Select(r => ((OrderedDictionary)r["homeAddress"]!)["countryCode"]));
            Assert.Equal(2, planned.Host.Asked.Count);
            Assert.StartsWith("Map " + mappingSet.Preview!.Count + " sample rows of Shopify.Orders to {homeAddress.countryCode=DK}", planned.Host.Asked[1].Action);
        }

        [Fact]
        public async Task Test_mapping_set_previews_given_rows_and_names_a_row_a_mapping_fails_on()
        {
            var (schema, _, _) = await _pipeline.PrerequisitesAsync();
            var host = new RecordingHost();
            var input = new MappingSetTestInput
            {
                SchemaId = schema.Id,
                Mappings = new[] { Mapping.FromPair("=to_integer(Age)", "person.birthYear") },
                Sample = new[] { JsonNode.Parse(@"{""Age"": ""1990""}")!.AsObject(), JsonNode.Parse(@"{""Age"": ""ninety""}")!.AsObject() },
            };

            await new TestMappingSetOperation(_pipeline.Platform.Client).RunAsync(input, host);

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
            var (_, _, shop) = await _pipeline.PrerequisitesAsync();
            var host = new RecordingHost();
            var operation = new TestBaseConnectionOperation(_pipeline.Platform.Client);

            await operation.RunAsync(new BaseConnectionTestInput { Id = shop.Id, Name = shop.Name }, host);
            await operation.RunAsync(new BaseConnectionTestInput { Id = shop.Id, Quiet = true }, host);

            var result = Assert.IsType<BaseConnectionTest>(host.Objects[0].Value);
            Assert.True(result.Result);
            Assert.Equal(shop.Name, result.Name);
            Assert.Equal(true, host.Objects[1].Value);
        }
    }
}
