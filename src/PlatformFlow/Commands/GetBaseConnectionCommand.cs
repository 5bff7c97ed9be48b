using PlatformFlow.Client.Relations;

namespace PlatformFlow.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets base connections: by id, by name (wildcards), by the platform's filters, or all, streamed page by page.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "BaseConnection", DefaultParameterSetName = ByNameSet, SupportsPaging = true, HelpUri = HelpLinks.Cmdlets + "Get-BaseConnection.md")]
    [OutputType(typeof(BaseConnection))]
    public sealed class GetBaseConnectionCommand : GetFlowServiceResourceCmdlet
    {
        [Parameter(Mandatory = true, ParameterSetName = ByIdSet)]
        [Alias("BaseConnectionId")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ResourceIdCompleter))]
        [ValidateIdLength]
        public string? Id { get; set; }

        protected override ResourceKind Kind => ResourceKind.BaseConnection;

        protected override void ProcessRecord()
        {
            var operation = OperationFor(client => new GetBaseConnectionOperation(client));
            RunQuery(Id, operation.RunAsync);
        }
    }
}
