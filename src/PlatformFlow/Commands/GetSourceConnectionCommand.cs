using PlatformFlow.Client.Relations;

namespace PlatformFlow.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets source connections: by id, by name (wildcards), by the platform's filters, or all, streamed page by page.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "SourceConnection", DefaultParameterSetName = ByNameSet, SupportsPaging = true, HelpUri = HelpLinks.Cmdlets + "Get-SourceConnection.md")]
    [OutputType(typeof(SourceConnection))]
    public sealed class GetSourceConnectionCommand : GetFlowServiceResourceCmdlet
    {
        [Parameter(Mandatory = true, ParameterSetName = ByIdSet)]
        [Alias("SourceConnectionId")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ResourceIdCompleter))]
        [ValidateIdLength]
        public string? Id { get; set; }

        protected override ResourceKind Kind => ResourceKind.SourceConnection;

        protected override void ProcessRecord()
        {
            var operation = OperationFor(client => new GetSourceConnectionOperation(client));
            RunQuery(Id, operation.RunAsync);
        }
    }
}
