using PlatformFlow.Client.Relations;

namespace PlatformFlow.Commands
{
    /// <summary>
    /// <para type="synopsis">Removes base connections. The platform refuses while a dataflow still uses one, and its error names the flows. Asks first unless -Force; writes nothing unless -PassThru.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "BaseConnection", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ByIdSet, HelpUri = HelpLinks.Cmdlets + "Remove-BaseConnection.md")]
    [OutputType(typeof(RemovedResource))]
    public sealed class RemoveBaseConnectionCommand : RemoveResourceCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet)]
        [Alias("BaseConnectionId")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ResourceIdCompleter))]
        [ValidateIdLength]
        public string Id { get; set; } = string.Empty;

        protected override ResourceKind Kind => ResourceKind.BaseConnection;

        protected override void ProcessRecord() => Remove(OperationFor(client => new RemoveBaseConnectionOperation(client)), Id, id => id);
    }
}
