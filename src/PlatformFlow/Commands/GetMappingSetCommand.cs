using System.Management.Automation;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Operations;

namespace PlatformFlow.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets Data Prep mapping sets: by id, by name (wildcards), by property filters (applied here), or all.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "MappingSet", DefaultParameterSetName = ByNameSet, SupportsPaging = true, HelpUri = HelpLinks.Cmdlets + "Get-MappingSet.md")]
    [OutputType(typeof(MappingSet))]
    public sealed class GetMappingSetCommand : GetResourceCmdlet
    {
        private GetMappingSetOperation? _operation;

        [Parameter(Mandatory = true, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("MappingSetId", "MappingId")]
        [ValidateNotNullOrEmpty]
        public string? Id { get; set; }

        protected override void ProcessRecord()
        {
            var operation = _operation ??= new GetMappingSetOperation(ActiveContext.Client);
            var query = QueryFor(Id);
            Run(host => operation.RunAsync(query, host));
        }
    }
}
