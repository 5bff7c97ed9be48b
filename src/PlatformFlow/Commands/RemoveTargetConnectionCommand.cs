using PlatformFlow.Client.Relations;

namespace PlatformFlow.Commands
{
    /// <summary>
    /// <para type="synopsis">Removes target connections. The platform refuses while a dataflow still uses one. Asks first unless -Force; writes nothing unless -PassThru.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "TargetConnection", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ByIdSet, HelpUri = HelpLinks.Cmdlets + "Remove-TargetConnection.md")]
    [OutputType(typeof(RemovedResource))]
    public sealed class RemoveTargetConnectionCommand : RemoveResourceCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet)]
        [Alias("TargetConnectionId")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ResourceIdCompleter))]
        [ValidateIdLength]
        public string Id { get; set; } = string.Empty;

        protected override ResourceKind Kind => ResourceKind.TargetConnection;

        protected override void ProcessRecord() => Remove(OperationFor(client => new RemoveTargetConnectionOperation(client)), Id, id => id);
    }
}
