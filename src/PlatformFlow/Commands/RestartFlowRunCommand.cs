using PlatformFlow.Client.Relations;

namespace PlatformFlow.Commands
{
    /// <summary>
    /// <para type="synopsis">Re-triggers finished flow runs (RE_TRIGGER): a new run of the same flow and window. Writes the new run.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Restart, "FlowRun", DefaultParameterSetName = ByIdSet, SupportsShouldProcess = true, HelpUri = HelpLinks.Cmdlets + "Restart-FlowRun.md")]
    [OutputType(typeof(FlowRun))]
    public sealed class RestartFlowRunCommand : PlatformCmdlet
    {
        /// <summary>The id of the run to re-trigger.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet)]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(FlowRunIdCompleter))]
        public string RunId { get; set; } = string.Empty;

        /// <summary>A piped run, or a flow (its last run), or a run id as a string.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByInputObjectSet)]
        public PSObject? InputObject { get; set; }

        protected override PSObject? PipedInput => InputObject;

        protected override void ProcessRecord()
        {
            var operation = OperationFor(client => new RestartFlowRunOperation(client));
            ForEachId(ResourceKind.FlowRun, InputObject, RunId, (host, runId) => operation.RunAsync(runId, runId, host));
        }
    }
}
