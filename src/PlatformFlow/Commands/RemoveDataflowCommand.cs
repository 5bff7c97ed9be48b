using System.Management.Automation;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Operations;

namespace PlatformFlow.Commands
{
    /// <summary>
    /// <para type="synopsis">Removes dataflows; with -IncludeConnections also the source and target connections no other flow uses, then the base connections left unused. Asks first unless -Force.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "Dataflow", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = HelpLinks.Cmdlets + "Remove-Dataflow.md")]
    [OutputType(typeof(RemovedResource))]
    public sealed class RemoveDataflowCommand : RemoveResourceCmdlet
    {
        private RemoveDataflowOperation? _operation;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("FlowId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = string.Empty;

        /// <summary>Then remove the flow's source and target connections that no other flow uses, and the base connections no remaining source connection uses.</summary>
        [Parameter]
        public SwitchParameter IncludeConnections { get; set; }

        protected override void ProcessRecord() => Remove(_operation ??= new RemoveDataflowOperation(ActiveContext.Client), CreateInput(IncludeConnections.IsPresent), Id);

        /// <summary>The operation's input from the bound parameters (no PowerShell calls: tests use it directly).</summary>
        internal DataflowRemoval CreateInput(bool includeConnections) => new DataflowRemoval { Id = Id, IncludeConnections = includeConnections };
    }
}
