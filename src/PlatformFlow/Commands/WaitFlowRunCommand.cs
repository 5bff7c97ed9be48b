using System;
using PlatformFlow.Client.Inputs;
using PlatformFlow.Client.Relations;

namespace PlatformFlow.Commands
{
    /// <summary>
    /// <para type="synopsis">Waits until flow runs finish, showing progress; writes each final run, and an error with the run's first errors when it failed or partly failed.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Wait, "FlowRun", DefaultParameterSetName = ByIdSet, HelpUri = HelpLinks.Cmdlets + "Wait-FlowRun.md")]
    [OutputType(typeof(FlowRun))]
    public sealed class WaitFlowRunCommand : PlatformCmdlet
    {
        /// <summary>The id of the run to wait for.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet)]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(FlowRunIdCompleter))]
        public string RunId { get; set; } = string.Empty;

        /// <summary>A piped run (Get-Dataflow | Get-FlowRun | Wait-FlowRun), or a flow (its last run), or a run id as a string.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByInputObjectSet)]
        public PSObject? InputObject { get; set; }

        protected override PSObject? PipedInput => InputObject;

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
            var operation = OperationFor(client => new WaitFlowRunOperation(client));
            CountInput("Waiting for flow runs", InputObject ?? (object)RunId);
            ForEachId(ResourceKind.FlowRun, InputObject, RunId, (host, runId) => operation.RunAsync(CreateInput(runId), host));
        }

        /// <summary>The operation's input from the bound parameters (no PowerShell calls: tests use it directly).</summary>
        /// <param name="runId">The run to wait for; -RunId when null.</param>
        internal FlowRunWait CreateInput(string? runId = null) => new FlowRunWait
        {
            RunId = runId ?? RunId,
            Timeout = TimeSpan.FromSeconds(Timeout),
            PollInterval = TimeSpan.FromSeconds(PollInterval),
            Target = runId ?? RunId,
        };
    }
}
