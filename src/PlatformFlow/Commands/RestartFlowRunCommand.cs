using System.Management.Automation;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Operations;

namespace PlatformFlow.Commands
{
    /// <summary>
    /// <para type="synopsis">Re-triggers finished flow runs (RE_TRIGGER): a new run of the same flow and window. Writes the new run.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Restart, "FlowRun", SupportsShouldProcess = true, HelpUri = HelpLinks.Cmdlets + "Restart-FlowRun.md")]
    [OutputType(typeof(FlowRun))]
    public sealed class RestartFlowRunCommand : PlatformCmdlet
    {
        private RestartFlowRunOperation? _operation;

        /// <summary>The run to re-trigger; a piped run's Id binds here.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        public string RunId { get; set; } = string.Empty;

        protected override void ProcessRecord()
        {
            var operation = _operation ??= new RestartFlowRunOperation(ActiveContext.Client);
            var runId = RunId;
            Run(host => operation.RunAsync(runId, runId, host));
        }
    }
}
