using PlatformFlow.Client.Relations;

namespace PlatformFlow.Commands
{
    /// <summary>
    /// <para type="synopsis">Removes Catalog datasets. Asks first unless -Force; writes nothing unless -PassThru.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "Dataset", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ByIdSet, HelpUri = HelpLinks.Cmdlets + "Remove-Dataset.md")]
    [OutputType(typeof(RemovedResource))]
    public sealed class RemoveDatasetCommand : RemoveResourceCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet)]
        [Alias("DatasetId")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ResourceIdCompleter))]
        [ValidateIdLength]
        public string Id { get; set; } = string.Empty;

        protected override ResourceKind Kind => ResourceKind.Dataset;

        protected override void ProcessRecord() => Remove(OperationFor(client => new RemoveDatasetOperation(client)), Id, id => id);
    }
}
