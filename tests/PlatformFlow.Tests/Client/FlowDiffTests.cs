using System;
using System.Linq;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Parts;
using Xunit;

namespace PlatformFlow.Tests.Client
{
    /// <summary>
    /// The flow's one diff (<see cref="FlowPart.Diff"/>): the message a refusal shows and the JSON Patch that
    /// New-Dataflow -UpdateExisting and Import-Dataflow send come from the same comparison.
    /// </summary>
    public sealed class FlowDiffTests
    {
        private static readonly DateTimeOffset Start = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

        private static Dataflow Existing(string frequency, string? description = null) => new Dataflow
        {
            Id = "flow-1",
            Name = "Shop A",
            Description = description,
            FlowSpec = new SpecReference("spec-1", "1.0"),
            SourceConnectionIds = new ValueList<string>(new[] { "source-1" }),
            TargetConnectionIds = new ValueList<string>(new[] { "target-1" }),
            ScheduleParams = ScheduleParams.Of(frequency, 1, Start, null),
        };

        private static DataflowRequest Wanted(string frequency, DateTimeOffset start, string? description = null) =>
            FlowPart.Request("Shop A", description, "spec-1", new[] { "source-1" }, new[] { "target-1" }, Array.Empty<Transformation>(), ScheduleParams.Of(frequency, 1, start, null));

        [Fact]
        public void A_changed_schedule_is_named_member_by_member_and_patched_as_a_whole_and_nothing_else_is_sent()
        {
            var diff = FlowPart.Diff(Existing("day"), Wanted("hour", Start.AddDays(3)), startTimeCounts: false);

            Assert.Equal(new[] { "scheduleParams.frequency is 'day', not 'hour'" }, diff.Messages);
            var patch = Assert.Single(diff.Patch);
            Assert.Equal(("add", "/scheduleParams"), (patch.Op, patch.Path));
            Assert.Equal("hour", patch.Value!.Value.GetProperty("frequency").GetString());
            Assert.Equal(new[] { "scheduleParams" }, diff.Changes);
        }

        [Fact]
        public void A_pipeline_reuses_a_flow_whatever_its_description_and_default_start_while_a_definition_sets_both()
        {
            var existing = Existing("day", "old words");
            var wanted = Wanted("day", Start.AddDays(3), "new words");

            Assert.True(FlowPart.Diff(existing, wanted, startTimeCounts: false).IsEmpty);

            var definition = FlowPart.Diff(existing, wanted, startTimeCounts: true, descriptionCounts: true);
            Assert.Equal(new[] { "description", "scheduleParams" }, definition.Changes);
            Assert.Equal(new[] { "/description", "/scheduleParams" }, definition.Patch.Select(p => p.Path));
        }

        [Fact]
        public void A_mapping_set_a_definition_changes_marks_the_transformations_without_a_patch_of_its_own()
        {
            var diff = FlowPart.Diff(Existing("day"), Wanted("day", Start), startTimeCounts: true, descriptionCounts: true, mappingChanges: true);

            Assert.Equal(new[] { "transformations" }, diff.Changes);
            Assert.Empty(diff.Patch);
        }
    }
}
