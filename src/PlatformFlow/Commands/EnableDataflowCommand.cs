using System.Management.Automation;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Operations;

namespace PlatformFlow.Commands
{
    /// <summary>
    /// <para type="synopsis">Enables dataflows (POST /flows/{id}/action?op=enable): they make their scheduled runs again. Writes each flow.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Enable, "Dataflow", SupportsShouldProcess = true, HelpUri = HelpLinks.Cmdlets + "Enable-Dataflow.md")]
    [OutputType(typeof(Dataflow))]
    public sealed class EnableDataflowCommand : PlatformCmdlet
    {
        private EnableDataflowOperation? _operation;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("FlowId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = string.Empty;

        protected override void ProcessRecord()
        {
            var operation = _operation ??= new EnableDataflowOperation(ActiveContext.Client);
            var flowId = Id;
            Run(host => operation.RunAsync(flowId, flowId, host));
        }
    }
}
