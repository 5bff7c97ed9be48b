using System;
using System.Management.Automation;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Operations;

namespace PlatformFlow.Commands
{
    /// <summary>
    /// <para type="synopsis">Starts an on-demand run of a dataflow over a window of source data (by default everything since its last run), checked against the flow spec's run spec first. Writes the new run.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Start, "FlowRun", SupportsShouldProcess = true, HelpUri = HelpLinks.Cmdlets + "Start-FlowRun.md")]
    [OutputType(typeof(FlowRun))]
    public sealed class StartFlowRunCommand : PlatformCmdlet
    {
        private StartFlowRunOperation? _operation;

        /// <summary>The flow to run; a piped flow's Id binds here.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        public string FlowId { get; set; } = string.Empty;

        /// <summary>The start of the window of source data to read; by default where the flow's last run window ended (or its start time).</summary>
        [Parameter]
        public DateTimeOffset? WindowStart { get; set; }

        /// <summary>The end of the window; now by default.</summary>
        [Parameter]
        public DateTimeOffset? WindowEnd { get; set; }

        /// <summary>The column that tells new rows from old (the run spec's deltaColumn), e.g. updated_at.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? DeltaColumn { get; set; }

        protected override void ProcessRecord()
        {
            var operation = _operation ??= new StartFlowRunOperation(ActiveContext.Client);
            var start = CreateInput();
            Run(host => operation.RunAsync(start, host));
        }

        /// <summary>The operation's input from the bound parameters (no PowerShell calls: tests use it directly).</summary>
        internal FlowRunStart CreateInput() => new FlowRunStart
        {
            FlowId = FlowId,
            WindowStart = WindowStart,
            WindowEnd = WindowEnd,
            DeltaColumn = DeltaColumn,
            Target = FlowId,
        };
    }
}
