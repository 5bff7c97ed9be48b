using PlatformFlow.Client.Inputs;
using PlatformFlow.Client.Relations;

namespace PlatformFlow.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets the records that landed in a dataset, or those one batch wrote, as the platform previews them (at most 100, newest batch first): objects that keep XDM's nesting (personalEmail.address).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "DatasetRecord", DefaultParameterSetName = ByDatasetSet, HelpUri = HelpLinks.Cmdlets + "Get-DatasetRecord.md")]
    [OutputType(typeof(PSObject))]
    public sealed class GetDatasetRecordCommand : RecordListingCmdlet
    {
        private const string ByDatasetSet = "ByDataset";
        private const string ByBatchSet = "ByBatch";

        /// <summary>The dataset whose records to get.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByDatasetSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(DatasetIdCompleter))]
        public string? DatasetId { get; set; }

        /// <summary>The batch whose records to get (those of its dataset's preview that it wrote).</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByBatchSet)]
        [ValidateNotNullOrEmpty]
        public string? BatchId { get; set; }

        protected override void ProcessRecord()
        {
            var operation = OperationFor(client => new GetDatasetRecordOperation(client));
            ReadRecords(ResourceKind.Dataset, piped => piped is Batch || piped is FlowRun, DatasetId, BatchId, (host, datasetId, batchId) => operation.RunAsync(CreateInput(datasetId, batchId), host));
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
