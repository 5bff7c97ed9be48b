using System;
using System.Management.Automation;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Operations;

namespace PlatformFlow.Commands
{
    /// <summary>
    /// <para type="synopsis">Waits until flow runs finish, showing progress; writes each final run, and an error with the run's first errors when it failed or partly failed.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Wait, "FlowRun", HelpUri = HelpLinks.Cmdlets + "Wait-FlowRun.md")]
    [OutputType(typeof(FlowRun))]
    public sealed class WaitFlowRunCommand : PlatformCmdlet
    {
        private WaitFlowRunOperation? _operation;

        /// <summary>The run to wait for; a piped run's Id binds here (Get-Dataflow | Get-FlowRun | Wait-FlowRun).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        public string RunId { get; set; } = string.Empty;

        /// <summary>Seconds to wait at most before an OperationTimeout error (default: one hour).</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int Timeout { get; set; } = 3600;

        /// <summary>Seconds between two reads of the run (default 15).</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int PollInterval { get; set; } = 15;

        protected override void ProcessRecord()
        {
            var operation = _operation ??= new WaitFlowRunOperation(ActiveContext.Client);
            var wait = CreateInput();
            Run(host => operation.RunAsync(wait, host));
        }

        /// <summary>The operation's input from the bound parameters (no PowerShell calls: tests use it directly).</summary>
        internal FlowRunWait CreateInput() => new FlowRunWait
        {
            RunId = RunId,
            Timeout = TimeSpan.FromSeconds(Timeout),
            PollInterval = TimeSpan.FromSeconds(PollInterval),
            Target = RunId,
        };
    }
}
