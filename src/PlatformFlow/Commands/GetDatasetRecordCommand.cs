using System.Management.Automation;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Operations;
using PlatformFlow.Completion;

namespace PlatformFlow.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets the records that landed in a dataset, or those one batch wrote, as the platform previews them (at most 100, newest batch first): objects that keep XDM's nesting (personalEmail.address).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "DatasetRecord", DefaultParameterSetName = ByDatasetSet, HelpUri = HelpLinks.Cmdlets + "Get-DatasetRecord.md")]
    [OutputType(typeof(PSObject))]
    public sealed class GetDatasetRecordCommand : PlatformCmdlet
    {
        private const string ByDatasetSet = "ByDataset";
        private const string ByBatchSet = "ByBatch";
        private const string ByInputObjectSet = "ByInputObject";
        private GetDatasetRecordOperation? _operation;

        /// <summary>The dataset whose records to get.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByDatasetSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(DatasetIdCompleter))]
        public string? DatasetId { get; set; }

        /// <summary>The batch whose records to get (those of its dataset's preview that it wrote).</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByBatchSet)]
        [ValidateNotNullOrEmpty]
        public string? BatchId { get; set; }

        /// <summary>A piped dataset (Get-Dataset | Get-DatasetRecord), batch, run (its batch), target connection or flow (its dataset), or a dataset id as a string.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByInputObjectSet)]
        public PSObject? InputObject { get; set; }

        /// <summary>At most this many records of each dataset or batch.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int? First { get; set; }

        protected override PSObject? PipedInput => InputObject;

        protected override void ProcessRecord()
        {
            var operation = OperationFor(ref _operation, client => new GetDatasetRecordOperation(client));
            if (InputObject is null)
            {
                var query = CreateInput(DatasetId, BatchId);
                Run(host => operation.RunAsync(query, host));
            }
            else if (InputObject.BaseObject is Batch || InputObject.BaseObject is FlowRun)
            {
                ForEachId(ResourceKind.Batch, InputObject, null, (host, batchId) => operation.RunAsync(CreateInput(null, batchId), host));
            }
            else
            {
                ForEachId(ResourceKind.Dataset, InputObject, null, (host, datasetId) => operation.RunAsync(CreateInput(datasetId, null), host));
            }
        }

        /// <summary>The operation's query from the bound parameters (no PowerShell calls: tests use it directly).</summary>
        internal DatasetRecordQuery CreateInput(string? datasetId, string? batchId) => new DatasetRecordQuery
        {
            DatasetId = datasetId,
            BatchId = batchId,
            First = First,
            Target = (object?)InputObject ?? datasetId ?? batchId,
        };
    }
}
