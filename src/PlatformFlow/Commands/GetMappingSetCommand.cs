using PlatformFlow.Client.Relations;

namespace PlatformFlow.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets Data Prep mapping sets: by id, by name (wildcards), by property filters (applied here), or all.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "MappingSet", DefaultParameterSetName = ByNameSet, SupportsPaging = true, HelpUri = HelpLinks.Cmdlets + "Get-MappingSet.md")]
    [OutputType(typeof(MappingSet))]
    public sealed class GetMappingSetCommand : GetResourceCmdlet
    {
        [Parameter(Mandatory = true, ParameterSetName = ByIdSet)]
        [Alias("MappingSetId", "MappingId")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ResourceIdCompleter))]
        [ValidateIdLength]
        public string? Id { get; set; }

        protected override ResourceKind Kind => ResourceKind.MappingSet;

        protected override void ProcessRecord()
        {
            var operation = OperationFor(client => new GetMappingSetOperation(client));
            RunQuery(Id, operation.RunAsync);
        }
    }
}
