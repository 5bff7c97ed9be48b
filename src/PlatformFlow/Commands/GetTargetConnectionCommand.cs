using PlatformFlow.Client.Relations;

namespace PlatformFlow.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets target connections: by id, by name (wildcards), by the platform's filters, or all, streamed page by page.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "TargetConnection", DefaultParameterSetName = ByNameSet, SupportsPaging = true, HelpUri = HelpLinks.Cmdlets + "Get-TargetConnection.md")]
    [OutputType(typeof(TargetConnection))]
    public sealed class GetTargetConnectionCommand : GetFlowServiceResourceCmdlet
    {
        [Parameter(Mandatory = true, ParameterSetName = ByIdSet)]
        [Alias("TargetConnectionId")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ResourceIdCompleter))]
        [ValidateIdLength]
        public string? Id { get; set; }

        protected override ResourceKind Kind => ResourceKind.TargetConnection;

        protected override void ProcessRecord()
        {
            var operation = OperationFor(client => new GetTargetConnectionOperation(client));
            RunQuery(Id, operation.RunAsync);
        }
    }
}
