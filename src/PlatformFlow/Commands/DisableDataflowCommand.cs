using System.Management.Automation;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Operations;

namespace PlatformFlow.Commands
{
    /// <summary>
    /// <para type="synopsis">Disables dataflows (POST /flows/{id}/action?op=disable): they make no scheduled runs until enabled. Writes each flow.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Disable, "Dataflow", SupportsShouldProcess = true, HelpUri = HelpLinks.Cmdlets + "Disable-Dataflow.md")]
    [OutputType(typeof(Dataflow))]
    public sealed class DisableDataflowCommand : PlatformCmdlet
    {
        private DisableDataflowOperation? _operation;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("FlowId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = string.Empty;

        protected override void ProcessRecord()
        {
            var operation = _operation ??= new DisableDataflowOperation(ActiveContext.Client);
            var flowId = Id;
            Run(host => operation.RunAsync(flowId, flowId, host));
        }
    }
}
