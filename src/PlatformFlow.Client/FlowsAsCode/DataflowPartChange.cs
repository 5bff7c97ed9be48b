using PlatformFlow.Client.Parts;

namespace PlatformFlow.Client.FlowsAsCode
{
    /// <summary>One part's change: what is done to it, its id (once it exists) and which of its members change.</summary>
    public sealed class DataflowPartChange(DataflowPart part, PartOutcome outcome, string? id, IReadOnlyList<string> changes)
    {
        public DataflowPart Part { get; } = part;

        public PartOutcome Outcome { get; } = outcome;

        public string? Id { get; } = id;

        /// <summary>The members an update changes (<c>scheduleParams</c>, <c>params/columns</c>, <c>mappings</c>...).</summary>
        public IReadOnlyList<string> Changes { get; } = changes;

        public override string ToString() =>
            Part + ": " + Verb(Outcome) + (Changes.Count > 0 ? " (" + string.Join(", ", Changes) + ")" : string.Empty);

        /// <summary>The change as a -WhatIf or -Confirm line says it: create, update or reuse.</summary>
        private static string Verb(PartOutcome outcome) => outcome switch
        {
            PartOutcome.Created or PartOutcome.Planned => "create",
            PartOutcome.Updated => "update",
            _ => "reuse",
        };
    }
}
