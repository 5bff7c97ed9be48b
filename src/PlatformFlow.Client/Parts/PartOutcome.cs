namespace PlatformFlow.Client.Parts
{
    /// <summary>
    /// What was done (or, under -WhatIf, would be done) to one part: by a flow-building step (shown per row, so a re-run
    /// can be read at a glance) and by Import-Dataflow and Copy-Dataflow (per part and for the whole flow).
    /// </summary>
    public enum PartOutcome
    {
        Created,

        /// <summary>An identical part with the same key existed: nothing was sent.</summary>
        Reused,

        /// <summary>A part with the same key differed and was changed to what the step asked for (-UpdateExisting).</summary>
        Updated,

        /// <summary>-WhatIf: it would be created (an import's plan, before it is applied, too).</summary>
        Planned,
    }
}
