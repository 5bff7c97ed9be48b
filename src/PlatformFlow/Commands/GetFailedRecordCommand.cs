using PlatformFlow.Client.Inputs;
using PlatformFlow.Client.Relations;

namespace PlatformFlow.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets the records a run could not ingest, one object each: the input record (one property per column), the error's code, message and field, and the run, batch and flow. From a run, a batch or a flow (its last run), piped or by id.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "FailedRecord", DefaultParameterSetName = ByRunIdSet, HelpUri = HelpLinks.Cmdlets + "Get-FailedRecord.md")]
    [OutputType(typeof(FailedRecord))]
    public sealed class GetFailedRecordCommand : RecordListingCmdlet
    {
        private const string ByRunIdSet = "ByRunId";
        private const string ByBatchIdSet = "ByBatchId";

        /// <summary>The run whose failed records to get.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByRunIdSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(FlowRunIdCompleter))]
        public string? RunId { get; set; }

        /// <summary>The Catalog batch whose failed records to get.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByBatchIdSet)]
        [ValidateNotNullOrEmpty]
        public string? BatchId { get; set; }

        protected override void ProcessRecord()
        {
            var operation = OperationFor(client => new GetFailedRecordOperation(client));
            ReadRecords(ResourceKind.FlowRun, piped => piped is Batch, RunId, BatchId, (host, runId, batchId) => operation.RunAsync(CreateInput(runId, batchId), host));
        }

        /// <summary>The operation's query from the bound parameters (no PowerShell calls: tests use it directly).</summary>
        internal FailedRecordQuery CreateInput(string? runId, string? batchId) => new FailedRecordQuery
        {
            RunId = runId,
            BatchId = batchId,
            First = First,
            Target = (object?)InputObject ?? runId ?? batchId,
        };
    }
}
