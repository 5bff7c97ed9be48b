using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.Operations
{
    /// <summary>
    /// Enable-Dataflow and Disable-Dataflow: <c>POST /flows/{id}/action?op=enable|disable</c>, then the flow read again
    /// (the caller's flow object takes it on). A flow already in the wanted state is left alone (the platform refuses the
    /// action then).
    /// </summary>
    public sealed class DataflowStateOperation : PlatformOperation
    {
        private readonly bool _enable;
        private readonly string _step;

        /// <param name="enable">True for Enable-Dataflow, false for Disable-Dataflow.</param>
        public DataflowStateOperation(PlatformClient client, bool enable)
            : base(client)
        {
            _enable = enable;
            _step = enable ? "EnableDataflow" : "DisableDataflow";
        }

        /// <param name="held">The flow object the caller holds (a piped one): it takes on the flow's new state.</param>
        /// <param name="passThru">Write the flow (-PassThru); nothing is written otherwise.</param>
        public Task RunAsync(string flowId, object? target, Dataflow? held, bool passThru, IOperationHost host) =>
            ForInputAsync(host, target ?? flowId, flowId, _step, async () =>
            {
                var flows = Client.FlowService.Flows;
                var flow = await GetByIdAsync("Dataflow", flowId, () => flows.GetAsync(flowId, host.Cancellation)).ConfigureAwait(false);
                var wanted = _enable ? "enabled" : "disabled";
                if (string.Equals(flow.State, wanted, StringComparison.OrdinalIgnoreCase))
                {
                    host.WriteVerbose("Dataflow '" + flow.Name + "' is already " + wanted + ".");
                }
                else
                {
                    if (await AskAsync(host, flow.Name ?? flowId, (_enable ? "Enable" : "Disable") + " dataflow").ConfigureAwait(false) != ChangeDecision.Proceed)
                    {
                        return;
                    }

                    await Client.FlowService.SetFlowEnabledAsync(flowId, _enable, host.Cancellation).ConfigureAwait(false);
                    flow = await flows.GetAsync(flowId, host.Cancellation).ConfigureAwait(false);
                }

                held?.TakeStateOf(flow);
                if (passThru)
                {
                    host.WriteObject(flow);
                }
            });
    }
}
