using System.Management.Automation;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Operations;

namespace PlatformFlow.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets Catalog datasets: by id, by name (wildcards), by the platform's filters, or all, streamed page by page.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "Dataset", DefaultParameterSetName = ByNameSet, SupportsPaging = true, HelpUri = HelpLinks.Cmdlets + "Get-Dataset.md")]
    [OutputType(typeof(Dataset))]
    public sealed class GetDatasetCommand : GetResourceCmdlet
    {
        private GetDatasetOperation? _operation;

        [Parameter(Mandatory = true, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("DatasetId")]
        [ValidateNotNullOrEmpty]
        public string? Id { get; set; }

        protected override void ProcessRecord()
        {
            var operation = _operation ??= new GetDatasetOperation(ActiveContext.Client);
            var query = QueryFor(Id);
            Run(host => operation.RunAsync(query, host));
        }
    }
}
