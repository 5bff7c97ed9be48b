using PlatformFlow.Client.Inputs;
using PlatformFlow.Client.Relations;

namespace PlatformFlow.Commands
{
    /// <summary>
    /// <para type="synopsis">Removes dataflows; with -IncludeConnections also the source and target connections no other flow uses, then the base connections left unused. Asks first unless -Force; writes nothing unless -PassThru.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "Dataflow", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ByIdSet, HelpUri = HelpLinks.Cmdlets + "Remove-Dataflow.md")]
    [OutputType(typeof(RemovedResource))]
    public sealed class RemoveDataflowCommand : RemoveResourceCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet)]
        [Alias("FlowId")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ResourceIdCompleter))]
        [ValidateIdLength]
        public string Id { get; set; } = string.Empty;

        protected override ResourceKind Kind => ResourceKind.Dataflow;

        /// <summary>Then remove the flow's source and target connections that no other flow uses, and the base connections no remaining source connection uses.</summary>
        [Parameter]
        public SwitchParameter IncludeConnections { get; set; }

        protected override void ProcessRecord() => Remove(OperationFor(client => new RemoveDataflowOperation(client)), Id, id => CreateInput(IncludeConnections.IsPresent, id));

        /// <summary>The operation's input from the bound parameters (no PowerShell calls: tests use it directly).</summary>
        /// <param name="id">The flow to remove; -Id when null.</param>
        internal DataflowRemoval CreateInput(bool includeConnections, string? id = null) => new DataflowRemoval { Id = id ?? Id, IncludeConnections = includeConnections };
    }
}
