using System.Management.Automation;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Operations;

namespace PlatformFlow.Commands
{
    /// <summary>
    /// <para type="synopsis">Disables dataflows (POST /flows/{id}/action?op=disable): they make no scheduled runs until enabled. Writes each flow.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Disable, "Dataflow", DefaultParameterSetName = ByIdSet, SupportsShouldProcess = true, HelpUri = HelpLinks.Cmdlets + "Disable-Dataflow.md")]
    [OutputType(typeof(Dataflow))]
    public sealed class DisableDataflowCommand : PlatformCmdlet
    {
        private const string ByIdSet = "ById";
        private const string ByInputObjectSet = "ByInputObject";
        private DisableDataflowOperation? _operation;

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet)]
        [Alias("FlowId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = string.Empty;

        /// <summary>A piped flow, or a run (its flow), or a flow id as a string.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByInputObjectSet)]
        public PSObject? InputObject { get; set; }

        protected override PSObject? PipedInput => InputObject;

        protected override void ProcessRecord()
        {
            var operation = OperationFor(ref _operation, client => new DisableDataflowOperation(client));
            CountInput("Disabling dataflows", InputObject ?? (object)Id);
            ForEachId(ResourceKind.Dataflow, InputObject, Id, (host, flowId) => operation.RunAsync(flowId, flowId, host));
        }
    }
}
