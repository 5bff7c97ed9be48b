using PlatformFlow.Client.Parts;

namespace PlatformFlow.Client.FlowsAsCode
{
    /// <summary>What Import-Dataflow and Copy-Dataflow did (or, under -WhatIf, would do) to one flow, with its parts' ids.</summary>
    public sealed class DataflowImportResult
    {
        public string Name { get; init; } = string.Empty;

        /// <summary>The whole flow's: Created, Updated or Reused (nothing to change); under -WhatIf, Planned for a new flow.</summary>
        public PartOutcome Outcome { get; init; }

        /// <summary>True when the sandbox matches the definition after the command; false under -WhatIf or when declined at -Confirm.</summary>
        public bool Applied { get; init; }

        public string Sandbox { get; init; } = string.Empty;

        /// <summary>The definition file it came from; null for Copy-Dataflow.</summary>
        public string? Path { get; init; }

        /// <summary>Null for a flow not created (yet): -WhatIf, or declined.</summary>
        public string? FlowId { get; init; }

        public string? SourceConnectionId { get; init; }

        public string? TargetConnectionId { get; init; }

        public string? MappingSetId { get; init; }

        public int? MappingSetVersion { get; init; }

        /// <summary>Each part's action, id and changed members, in the order they are applied.</summary>
        public IReadOnlyList<DataflowPartChange> Parts { get; init; } = new DataflowPartChange[0];

        /// <summary>The parts that change and how, for the table view; empty when nothing does.</summary>
        public string Changes => string.Join("; ", Parts.Where(p => p.Outcome != PartOutcome.Reused).Select(p => p.ToString()));

        public override string ToString() => Name + ": " + Outcome;
    }
}
