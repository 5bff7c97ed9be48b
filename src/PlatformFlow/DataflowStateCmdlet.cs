using PlatformFlow.Client.Relations;

namespace PlatformFlow
{
    /// <summary>Enable-Dataflow and Disable-Dataflow: one implementation, told which state it sets.</summary>
    public abstract class DataflowStateCmdlet : BulkCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet)]
        [Alias("FlowId")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ResourceIdCompleter))]
        [ValidateIdLength]
        public string Id { get; set; } = string.Empty;

        /// <summary>A piped flow, or a run (its flow), or a flow id as a string.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByInputObjectSet)]
        public PSObject? InputObject { get; set; }

        /// <summary>Write each flow; nothing is written otherwise. A piped flow takes on its new state either way.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override PSObject? PipedInput => InputObject;

        /// <summary>True: the flows are enabled; false: disabled.</summary>
        protected abstract bool Enable { get; }

        protected override void ProcessRecord()
        {
            var operation = OperationFor(client => new DataflowStateOperation(client, Enable));
            CountInput(Enable ? "Enabling dataflows" : "Disabling dataflows", InputObject ?? (object)Id);
            ForEachId(ResourceKind.Dataflow, InputObject, Id, (host, flowId) => operation.RunAsync(flowId, flowId, PipedResource(ResourceKind.Dataflow, flowId) as Dataflow, PassThru, host));
        }
    }
}
