using System;
using PlatformFlow.Client.Inputs;
using PlatformFlow.Client.Relations;

namespace PlatformFlow.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets Catalog batches, what runs wrote to datasets: a dataset's, a flow's or a run's (piped or by id), or one by id, newest first; each with its status, record counts, errors, and the flow and run that wrote it.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "Batch", DefaultParameterSetName = ByDatasetSet, HelpUri = HelpLinks.Cmdlets + "Get-Batch.md")]
    [OutputType(typeof(Batch))]
    public sealed class GetBatchCommand : PlatformCmdlet
    {
        private const string ByDatasetSet = "ByDataset";
        private const string ByFlowSet = "ByFlow";
        private const string ByRunSet = "ByRun";

        /// <summary>The dataset whose batches to list.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByDatasetSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(DatasetIdCompleter))]
        public string? DatasetId { get; set; }

        /// <summary>The flow whose batches to list (those of its datasets that it wrote).</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByFlowSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(DataflowIdCompleter))]
        public string? FlowId { get; set; }

        /// <summary>The run whose batch to get.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByRunSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(FlowRunIdCompleter))]
        public string? RunId { get; set; }

        /// <summary>One batch by id.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByIdSet)]
        [Alias("BatchId")]
        [ValidateNotNullOrEmpty]
        [ValidateIdLength]
        public string? Id { get; set; }

        /// <summary>A piped dataset, flow, run or batch (read again), or a dataset id as a string.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByInputObjectSet)]
        public PSObject? InputObject { get; set; }

        /// <summary>Only batches of this status: success (something landed, also when some records failed), failed (nothing did), processing...</summary>
        [Parameter]
        [ValidateSet("success", "failed", "processing", "loading", "staged", "active", "inactive", "aborted", "abandoned", "retrying")]
        public string? Status { get; set; }

        /// <summary>Only batches created after this time.</summary>
        [Parameter]
        public DateTimeOffset? Since { get; set; }

        protected override PSObject? PipedInput => InputObject;

        protected override void ProcessRecord()
        {
            var operation = OperationFor(client => new GetBatchOperation(client));
            if (InputObject is null && FlowId != null)
            {
                ForEachId(ResourceKind.Dataflow, null, FlowId, (host, flowId) => operation.RunAsync(CreateInput(null, flowId, null, null), host));
                return;
            }

            if (InputObject is null && DatasetId != null)
            {
                ForEachId(ResourceKind.Dataset, null, DatasetId, (host, datasetId) => operation.RunAsync(CreateInput(datasetId, null, null, null), host));
                return;
            }

            if (InputObject is null)
            {
                var query = CreateInput(DatasetId, FlowId, RunId, Id);
                Run(host => operation.RunAsync(query, host));
                return;
            }

            switch (InputObject.BaseObject)
            {
                case Batch _:
                    ForEachId(ResourceKind.Batch, InputObject, null, (host, id) => operation.RunAsync(CreateInput(null, null, null, id), host));
                    break;
                case FlowRun _:
                    ForEachId(ResourceKind.FlowRun, InputObject, null, (host, runId) => operation.RunAsync(CreateInput(null, null, runId, null), host));
                    break;
                case Dataflow _:
                    ForEachId(ResourceKind.Dataflow, InputObject, null, (host, flowId) => operation.RunAsync(CreateInput(null, flowId, null, null), host));
                    break;
                default:
                    ForEachId(ResourceKind.Dataset, InputObject, null, (host, datasetId) => operation.RunAsync(CreateInput(datasetId, null, null, null), host));
                    break;
            }
        }

        /// <summary>The operation's query from the bound parameters (no PowerShell calls: tests use it directly).</summary>
        internal BatchQuery CreateInput(string? datasetId, string? flowId, string? runId, string? id) => new BatchQuery
        {
            DatasetId = datasetId,
            FlowId = flowId,
            RunId = runId,
            Id = id,
            Status = Status?.ToLowerInvariant(),
            Since = Since,
            Target = (object?)InputObject ?? datasetId ?? flowId ?? runId ?? id,
        };
    }
}
