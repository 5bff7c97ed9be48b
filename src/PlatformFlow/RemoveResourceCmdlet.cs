using System.Management.Automation;
using PlatformFlow.Client.Operations;

namespace PlatformFlow
{
    /// <summary>
    /// Base of the Remove-* cmdlets (<c>ConfirmImpact=High</c>): the operation plans the deletes with reads, then asks once
    /// through ShouldProcess, naming everything that will go. <c>-Force</c> skips that question, as a runbook needs;
    /// <c>-WhatIf</c> still describes the plan and sends no write, and an explicit <c>-Confirm</c> still asks.
    /// </summary>
    public abstract class RemoveResourceCmdlet : BulkCmdlet
    {
        /// <summary>Remove without the confirmation question.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Write what was removed (kind, id, name), in the order it was removed.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override bool SkipsConfirmation =>
            Force && !IsRequested("WhatIf", "WhatIfPreference") && !MyInvocation.BoundParameters.ContainsKey("Confirm");

        protected void Remove<TInput>(RemovalOperation<TInput> operation, TInput input, object target) =>
            Run(host => operation.RemoveAsync(input, PassThru, target, host));

        private bool IsRequested(string parameter, string preferenceVariable) =>
            MyInvocation.BoundParameters.TryGetValue(parameter, out var value)
                ? LanguagePrimitives.IsTrue(value)
                : LanguagePrimitives.IsTrue(SessionState.PSVariable.GetValue(preferenceVariable));
    }
}
