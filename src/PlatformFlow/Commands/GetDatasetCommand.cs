using PlatformFlow.Client.Relations;

namespace PlatformFlow.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets Catalog datasets: by id, by name (wildcards), by the platform's filters, or all, streamed page by page.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "Dataset", DefaultParameterSetName = ByNameSet, SupportsPaging = true, HelpUri = HelpLinks.Cmdlets + "Get-Dataset.md")]
    [OutputType(typeof(Dataset))]
    public sealed class GetDatasetCommand : GetResourceCmdlet
    {
        [Parameter(Mandatory = true, ParameterSetName = ByIdSet)]
        [Alias("DatasetId")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ResourceIdCompleter))]
        [ValidateIdLength]
        public string? Id { get; set; }

        protected override ResourceKind Kind => ResourceKind.Dataset;

        protected override void ProcessRecord()
        {
            var operation = OperationFor(client => new GetDatasetOperation(client));
            RunQuery(Id, operation.RunAsync);
        }
    }
}
