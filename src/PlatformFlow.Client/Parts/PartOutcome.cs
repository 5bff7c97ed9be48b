namespace PlatformFlow.Client.Parts
{
    /// <summary>What a flow-building step did with its part: shown per row, so a re-run can be read at a glance.</summary>
    public enum PartOutcome
    {
        Created,

        /// <summary>An identical part with the same key existed: nothing was sent.</summary>
        Reused,

        /// <summary>A part with the same key differed and was changed to what the step asked for (-UpdateExisting).</summary>
        Updated,

        /// <summary>-WhatIf: it would be created.</summary>
        Planned,
    }
}
