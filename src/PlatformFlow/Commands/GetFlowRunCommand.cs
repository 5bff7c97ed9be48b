using System;
using System.Linq;
using PlatformFlow.Client.Inputs;
using PlatformFlow.Client.Relations;

namespace PlatformFlow.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets flow runs: a flow's runs (Get-Dataflow | Get-FlowRun), the runs of every flow of the sandbox (no flow given), optionally by status and since a time, or one run by id; each with its flow's name, record counts, errors and batch.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "FlowRun", DefaultParameterSetName = ByFlowSet, HelpUri = HelpLinks.Cmdlets + "Get-FlowRun.md")]
    [OutputType(typeof(FlowRun))]
    public sealed class GetFlowRunCommand : PlatformCmdlet
    {
        private const string ByFlowSet = "ByFlow";

        /// <summary>The id of the flow whose runs to list; without it (and nothing piped), the runs of every flow of the sandbox.</summary>
        [Parameter(Position = 0, ParameterSetName = ByFlowSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(DataflowIdCompleter))]
        public string? FlowId { get; set; }

        /// <summary>A piped flow (its runs), a run (that run, read again), a batch (the run that wrote it), or a flow id as a string.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByInputObjectSet)]
        public PSObject? InputObject { get; set; }

        /// <summary>One run by id.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByIdSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(FlowRunIdCompleter))]
        public string? RunId { get; set; }

        /// <summary>Only runs with one of these statuses (any case): Queued, InProgress, Success, PartialSuccess, Failed...</summary>
        [Parameter(ParameterSetName = ByFlowSet)]
        [Parameter(ParameterSetName = ByInputObjectSet)]
        [ValidateNotNullOrEmpty]
        [ValidateRunStatus]
        [ArgumentCompleter(typeof(RunStatusCompleter))]
        public string[] Status { get; set; } = Array.Empty<string>();

        /// <summary>Only runs created after this time.</summary>
        [Parameter(ParameterSetName = ByFlowSet)]
        [Parameter(ParameterSetName = ByInputObjectSet)]
        public DateTimeOffset? Since { get; set; }

        protected override void ProcessRecord()
        {
            var operation = OperationFor(client => new GetFlowRunOperation(client));
            if (InputObject is null && FlowId != null)
            {
                ForEachId(ResourceKind.Dataflow, null, FlowId, (host, flowId) => operation.RunAsync(CreateInput(flowId: flowId), host));
            }
            else if (InputObject is null)
            {
                var query = CreateInput();
                Run(host => operation.RunAsync(query, host));
            }
            else if (InputObject.BaseObject is FlowRun || InputObject.BaseObject is Batch)
            {
                ForEachId(ResourceKind.FlowRun, InputObject, null, (host, runId) => operation.RunAsync(CreateInput(runId: runId), host));
            }
            else
            {
                ForEachId(ResourceKind.Dataflow, InputObject, null, (host, flowId) => operation.RunAsync(CreateInput(flowId: flowId), host));
            }
        }

        protected override PSObject? PipedInput => InputObject;

        /// <summary>The operation's query from the bound parameters (no PowerShell calls: tests use it directly).</summary>
        /// <param name="flowId">The flow whose runs to list; -FlowId when neither is given.</param>
        /// <param name="runId">The run to read; -RunId when neither is given.</param>
        internal FlowRunQuery CreateInput(string? flowId = null, string? runId = null) => new FlowRunQuery
        {
            FlowId = flowId ?? (runId is null ? FlowId : null),
            RunId = runId ?? (flowId is null ? RunId : null),
            Statuses = Status.Select(RunStatusNames.Parse).ToList(),
            Since = Since,
            Target = flowId ?? runId ?? FlowId ?? RunId,
        };
    }
}
