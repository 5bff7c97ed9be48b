using PlatformFlow.Client.Relations;

namespace PlatformFlow
{
    /// <summary>
    /// Base of the Remove-* cmdlets (<c>ConfirmImpact=High</c>): the operation plans the deletes with reads, then asks once
    /// through ShouldProcess, naming everything that will go. <c>-Force</c> skips that question, as a runbook needs;
    /// <c>-WhatIf</c> still describes the plan and sends no write, and an explicit <c>-Confirm</c> still asks.
    /// </summary>
    public abstract class RemoveResourceCmdlet : BulkCmdlet
    {
        /// <summary>
        /// A piped object: one of this kind, or one related to it (e.g. a target connection piped to Remove-Dataset
        /// removes its dataset), or an id as a string.
        /// </summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByInputObjectSet)]
        public PSObject? InputObject { get; set; }

        /// <summary>Remove without the confirmation question.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Write what was removed (kind, id, name), in the order it was removed.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override bool SkipsConfirmation =>
            Force && !IsRequested("WhatIf", "WhatIfPreference") && !MyInvocation.BoundParameters.ContainsKey("Confirm");

        /// <summary>The kind of object this cmdlet removes.</summary>
        protected abstract ResourceKind Kind { get; }

        protected override PSObject? PipedInput => InputObject;

        /// <summary>Removes the object with <paramref name="id"/>, or each one the piped input stands for.</summary>
        protected void Remove<TInput>(RemovalOperation<TInput> operation, string? id, System.Func<string, TInput> inputFor)
        {
            CountInput("Removing " + Kind + " objects", id ?? InputObject);
            ForEachId(Kind, InputObject, id, (host, each) => operation.RemoveAsync(inputFor(each), PassThru, each, host));
        }

        private bool IsRequested(string parameter, string preferenceVariable) =>
            MyInvocation.BoundParameters.TryGetValue(parameter, out var value)
                ? LanguagePrimitives.IsTrue(value)
                : LanguagePrimitives.IsTrue(SessionState.PSVariable.GetValue(preferenceVariable));
    }
}
