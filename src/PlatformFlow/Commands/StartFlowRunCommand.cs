using System;
using PlatformFlow.Client.Inputs;
using PlatformFlow.Client.Relations;

namespace PlatformFlow.Commands
{
    /// <summary>
    /// <para type="synopsis">Starts an on-demand run of a dataflow over a window of source data (by default everything since its last run), checked against the flow spec's run spec first. Writes the new run.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Start, "FlowRun", DefaultParameterSetName = ByIdSet, SupportsShouldProcess = true, HelpUri = HelpLinks.Cmdlets + "Start-FlowRun.md")]
    [OutputType(typeof(FlowRun))]
    public sealed class StartFlowRunCommand : BulkCmdlet
    {
        /// <summary>The id of the flow to run.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(DataflowIdCompleter))]
        public string FlowId { get; set; } = string.Empty;

        /// <summary>A piped flow, or a run (its flow), or a flow id as a string.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByInputObjectSet)]
        public PSObject? InputObject { get; set; }

        protected override PSObject? PipedInput => InputObject;

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
            var operation = OperationFor(client => new StartFlowRunOperation(client));
            ForEachId(ResourceKind.Dataflow, InputObject, FlowId, (host, flowId) => operation.RunAsync(CreateInput(flowId), host));
        }

        /// <summary>The operation's input from the bound parameters (no PowerShell calls: tests use it directly).</summary>
        /// <param name="flowId">The flow to run; -FlowId when null.</param>
        internal FlowRunStart CreateInput(string? flowId = null) => new FlowRunStart
        {
            FlowId = flowId ?? FlowId,
            WindowStart = WindowStart,
            WindowEnd = WindowEnd,
            DeltaColumn = DeltaColumn,
            Target = flowId ?? FlowId,
        };
    }
}
