
namespace PlatformFlow.Client.Operations
{
    public enum ChangeDecision
    {
        Proceed,

        /// <summary>-WhatIf: report and plan, but change nothing.</summary>
        WhatIf,

        /// <summary>The user answered no at a -Confirm prompt.</summary>
        Declined,
    }
}
