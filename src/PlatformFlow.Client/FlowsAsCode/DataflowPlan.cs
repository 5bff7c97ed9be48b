using PlatformFlow.Client.Models;
using PlatformFlow.Client.Parts;

namespace PlatformFlow.Client.FlowsAsCode
{
    /// <summary>
    /// The plan for one definition in one sandbox: create the flow (every part new), update it (the parts that differ), or
    /// leave it unchanged. Made from reads only; <see cref="DataflowApplier"/> carries it out.
    /// </summary>
    public sealed class DataflowPlan
    {
        public DataflowDefinition Definition { get; init; } = new DataflowDefinition();

        public string Sandbox { get; init; } = string.Empty;

        public ResolvedReferences References { get; init; } = new ResolvedReferences();

        public DataflowRequests Requests { get; init; } = new DataflowRequests();

        public PartPlan Source { get; init; } = PartPlan.Create(DataflowPart.SourceConnection);

        public PartPlan Target { get; init; } = PartPlan.Create(DataflowPart.TargetConnection);

        /// <summary>Null when the definition has no mapping set.</summary>
        public PartPlan? MappingSet { get; init; }

        public PartPlan Flow { get; init; } = PartPlan.Create(DataflowPart.Flow);

        /// <summary>The mapping set version the existing flow uses (kept when the mapping set is unchanged).</summary>
        public int? MappingSetVersion { get; init; }

        /// <summary>The existing flow's transformations other than its Mapping, kept as they are.</summary>
        public IReadOnlyList<Transformation> OtherTransformations { get; init; } = new Transformation[0];

        /// <summary>The desired schedule (an existing flow's start time kept when the definition has none).</summary>
        public ScheduleParams? Schedule { get; init; }

        public IEnumerable<PartPlan> Parts => new[] { Source, Target, MappingSet, Flow }.Where(p => p != null).Select(p => p!);

        /// <summary>The whole flow's: Planned when the flow is new, Updated when any part changes, else Reused.</summary>
        public PartOutcome Outcome =>
            Flow.Outcome == PartOutcome.Planned ? PartOutcome.Planned
            : Parts.Any(p => p.Outcome != PartOutcome.Reused) ? PartOutcome.Updated
            : PartOutcome.Reused;

        /// <summary>One line for -WhatIf and -Confirm: what changes, part by part.</summary>
        public string Summary =>
            (Outcome == PartOutcome.Planned ? "Create" : "Update") + " dataflow in sandbox " + Sandbox + ": "
            + string.Join("; ", Parts.Where(p => p.Outcome != PartOutcome.Reused).Select(p => p.Change.ToString()));
    }
}
