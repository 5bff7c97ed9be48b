using System.Management.Automation;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Operations;

namespace PlatformFlow.Commands
{
    /// <summary>
    /// <para type="synopsis">Enables dataflows (POST /flows/{id}/action?op=enable): they make their scheduled runs again. Writes each flow.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Enable, "Dataflow", DefaultParameterSetName = ByIdSet, SupportsShouldProcess = true, HelpUri = HelpLinks.Cmdlets + "Enable-Dataflow.md")]
    [OutputType(typeof(Dataflow))]
    public sealed class EnableDataflowCommand : PlatformCmdlet
    {
        private const string ByIdSet = "ById";
        private const string ByInputObjectSet = "ByInputObject";
        private EnableDataflowOperation? _operation;

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
            var operation = OperationFor(ref _operation, client => new EnableDataflowOperation(client));
            CountInput("Enabling dataflows", InputObject ?? (object)Id);
            ForEachId(ResourceKind.Dataflow, InputObject, Id, (host, flowId) => operation.RunAsync(flowId, flowId, host));
        }
    }
}
