using System;
using System.Collections.Generic;
using System.Management.Automation;
using PlatformFlow.Client.Operations;

namespace PlatformFlow
{
    /// <summary>
    /// Base of the Remove-* cmdlets: the operation plans the deletes (reads only), the cmdlet confirms unless -Force, then
    /// each delete goes through ShouldProcess on the seam (so -WhatIf sends no write).
    /// </summary>
    public abstract class RemoveResourceCmdlet : PlatformCmdlet
    {
        /// <summary>Remove without the confirmation question.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Write what was removed (kind, id, name), in the order it was removed.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected void Remove<TInput>(RemovalOperation<TInput> operation, TInput input, object target)
        {
            IReadOnlyList<RemovalStep> steps = Array.Empty<RemovalStep>();
            Run(async host => steps = await operation.PlanAsync(input, target, host).ConfigureAwait(false));
            if (steps.Count == 0)
            {
                return;
            }

            if (Force || WhatIfRequested || ShouldContinue(RemovalOperation<TInput>.Question(steps), "Confirm removal"))
            {
                Run(host => operation.ExecuteAsync(steps, PassThru, target, host));
            }
        }

        // Under -WhatIf the deletes are only described, so there is nothing to confirm.
        private bool WhatIfRequested =>
            MyInvocation.BoundParameters.TryGetValue("WhatIf", out var whatIf)
                ? LanguagePrimitives.IsTrue(whatIf)
                : LanguagePrimitives.IsTrue(SessionState.PSVariable.GetValue("WhatIfPreference"));
    }
}
