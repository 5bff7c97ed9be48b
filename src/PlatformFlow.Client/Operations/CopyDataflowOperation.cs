using PlatformFlow.Client.FlowsAsCode;
using PlatformFlow.Client.Inputs;

namespace PlatformFlow.Client.Operations
{
    /// <summary>
    /// Copy-Dataflow: exports each flow from the source context and imports the definitions into the destination, in one
    /// step, with the same plan, -WhatIf and idempotence as Export-Dataflow followed by Import-Dataflow (no file between).
    /// </summary>
    public sealed class CopyDataflowOperation : PlatformOperation
    {
        private const string Step = "CopyDataflow";

        private readonly ImportDataflowOperation _import;

        /// <param name="source">The client of the sandbox the flows are read from.</param>
        /// <param name="destination">The client of the sandbox they are applied to.</param>
        /// <param name="createDisabled">-Disabled: a copy created starts no run until enabled; an existing one keeps its state.</param>
        public CopyDataflowOperation(PlatformClient source, PlatformClient destination, ReferenceMaps maps, bool createDisabled = false)
            : base(source)
        {
            _import = new ImportDataflowOperation(destination, maps, createDisabled: createDisabled);
        }

        /// <summary>How many flows are read, planned and applied at once (-ThrottleLimit); 1 by default. Results come in input order.</summary>
        public int ThrottleLimit
        {
            get => _import.ThrottleLimit;
            set => _import.ThrottleLimit = value;
        }

        /// <param name="flows">Each flow's id in the source sandbox, with the input to name in its error record.</param>
        public async Task RunAsync(IReadOnlyList<KeyValuePair<string, object?>> flows, IOperationHost host)
        {
            var exporter = new DataflowExporter(Client);
            var exported = new PendingDefinition?[flows.Count];
            var failures = 0;
            await InputOrder.ForEachAsync(flows, ThrottleLimit, host, async (flow, i, output) =>
            {
                try
                {
                    var definition = await exporter.ExportAsync(flow.Key, output.Cancellation).ConfigureAwait(false);
                    exported[i] = PendingDefinition.FromFlow(definition, flow.Key, Client.Settings.Sandbox, flow.Value ?? flow.Key);
                }
                catch (Exception ex) when (!(ex is OperationCanceledException && output.Cancellation.IsCancellationRequested) && !(ex is OutOfMemoryException))
                {
                    Interlocked.Increment(ref failures);
                    output.WriteError(FlowsAsCodeException.ToOperationError(ex, flow.Value ?? flow.Key, Step, flow.Key));
                }
            }).ConfigureAwait(false);

            await _import.ApplyAsync(exported.OfType<PendingDefinition>().ToList(), failures, host).ConfigureAwait(false);
        }
    }
}
