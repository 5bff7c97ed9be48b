namespace PlatformFlow.Client.FlowsAsCode
{
    /// <summary>
    /// One dataflow as code (format 1, <c>docs/schemas/dataflow-definition.schema.json</c>): every reference to another
    /// resource is by name, so the same definition applies to any sandbox; nothing secret is in it.
    /// </summary>
    public sealed class DataflowDefinition
    {
        public const int CurrentFormatVersion = 1;

        /// <summary>The flow's name: how a definition finds its flow in a sandbox.</summary>
        public string Name { get; init; } = string.Empty;

        public string? Description { get; init; }

        /// <summary>The flow spec's name, e.g. <c>CRMToAEP</c>.</summary>
        public string FlowSpec { get; init; } = string.Empty;

        /// <summary>Null for a flow of a streaming flow spec (no <c>scheduleSpec</c>): it runs as records arrive.</summary>
        public ScheduleDefinition? Schedule { get; init; } = new ScheduleDefinition();

        public SourceDefinition Source { get; init; } = new SourceDefinition();

        public TargetDefinition Target { get; init; } = new TargetDefinition();

        /// <summary>Null for a flow without a Mapping transformation.</summary>
        public MappingSetDefinition? MappingSet { get; init; }
    }
}
