using System.Collections.Generic;
using PlatformFlow.Client.Operations;
using PlatformFlow.Client.Parts;
using Xunit;

namespace PlatformFlow.Tests.Cmdlets
{
    /// <summary>The ids a flow-building step carries from its input to what it emits (how PowerShell binds them: tests/Binding.Tests.ps1).</summary>
    public sealed class PipelineIdsTests
    {
        private static KeyValuePair<string, object?> Property(string name, object? value) => new KeyValuePair<string, object?>(name, value);

        private static KeyValuePair<string, string> Part(string kind, string id) => new KeyValuePair<string, string>(kind, id);

        [Fact]
        public void From_reads_only_the_carried_names_in_any_case_trimmed_and_skips_empty_values()
        {
            var ids = PipelineIds.From(new[]
            {
                Property("flowname", "  Shop orders  "),
                Property("BaseConnectionId", "   "),
                Property("DatasetId", string.Empty),
                Property("SchemaId", null),
                Property("Email", "someone@example.com"),
                Property("MappingSetVersion", 3),
            });

            Assert.Equal("FlowName=Shop orders, MappingSetVersion=3", ids.ToString());
            Assert.Equal("Shop orders", ids["FlowName"]);
            Assert.Null(ids["BaseConnectionId"]);
            Assert.Null(ids["Email"]);
        }

        [Fact]
        public void With_sets_a_value_on_a_copy_and_keeps_the_one_carried_when_given_nothing()
        {
            var first = new PipelineIds().With(PipelineIds.FlowName, "Shop orders");

            var second = first.With(PipelineIds.FlowName, null).With(PipelineIds.DatasetId, " ").With(PipelineIds.SourceConnectionOutcome, PartOutcome.Reused);

            Assert.Equal("FlowName=Shop orders", first.ToString());
            Assert.Equal("FlowName=Shop orders, SourceConnectionOutcome=Reused", second.ToString());
        }

        [Fact]
        public void A_name_that_is_not_carried_is_refused()
        {
            Assert.Throws<System.InvalidOperationException>(() => new PipelineIds().With("DatasetName", "orders"));
        }

        [Fact]
        public void An_emitted_object_gets_the_ids_it_lacks_in_pipeline_order_and_the_mapping_version_as_a_number()
        {
            var ids = new PipelineIds()
                .With(PipelineIds.MappingSetVersion, 2)
                .With(PipelineIds.SourceConnectionId, "source-1")
                .With(PipelineIds.FlowName, "carried name")
                .With(PipelineIds.DatasetId, "carried dataset");

            // Its own properties (of any case) stay authoritative: FlowName and DatasetId are not added.
            var added = ids.PropertiesFor(new { flowName = "own name", DATASETID = "own dataset" });

            Assert.Equal(new[] { Property("SourceConnectionId", "source-1"), Property("MappingSetVersion", 2) }, added);
        }

        [Fact]
        public void A_mapping_version_that_is_not_a_number_is_passed_on_as_text()
        {
            var added = new PipelineIds().With(PipelineIds.MappingSetVersion, "latest").PropertiesFor(new object());

            Assert.Equal(new[] { Property("MappingSetVersion", "latest") }, added);
        }

        [Fact]
        public void Parts_created_for_a_row_are_recorded_in_order_and_planned_or_reused_ones_are_not()
        {
            var ids = new PipelineIds()
                .WithCreated("SourceConnection", "source-1")
                .WithCreated("TargetConnection", Planned.Prefix + "targetConnection-1")
                .WithCreatedWhen(false, "MappingSet", "mapping-reused")
                .WithCreatedWhen(true, "MappingSet", "mapping-1");

            Assert.Equal("SourceConnection=source-1; MappingSet=mapping-1", ids[PipelineIds.PartsCreated]);
            Assert.Equal(new[] { Part("SourceConnection", "source-1"), Part("MappingSet", "mapping-1") }, ids.Created);
        }

        [Fact]
        public void A_carried_list_of_created_parts_is_read_trimmed_and_entries_without_an_id_are_left_out()
        {
            var ids = PipelineIds.From(new[] { Property(PipelineIds.PartsCreated, "SourceConnection = source-1 ;; junk; MappingSet=map=1") });

            Assert.Equal(new[] { Part("SourceConnection", "source-1"), Part("MappingSet", "map=1") }, ids.Created);
            Assert.Empty(new PipelineIds().Created);
        }
    }
}
