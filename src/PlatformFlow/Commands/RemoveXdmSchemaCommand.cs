using PlatformFlow.Client.Relations;

namespace PlatformFlow.Commands
{
    /// <summary>
    /// <para type="synopsis">Removes tenant XDM schemas (by $id or meta:altId). Asks first unless -Force; writes nothing unless -PassThru.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "XdmSchema", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ByIdSet, HelpUri = HelpLinks.Cmdlets + "Remove-XdmSchema.md")]
    [OutputType(typeof(RemovedResource))]
    public sealed class RemoveXdmSchemaCommand : RemoveResourceCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet)]
        [Alias("SchemaId", "AltId")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ResourceIdCompleter))]
        [ValidateIdLength]
        public string Id { get; set; } = string.Empty;

        protected override ResourceKind Kind => ResourceKind.XdmSchema;

        protected override void ProcessRecord() => Remove(OperationFor(client => new RemoveXdmSchemaOperation(client)), Id, id => id);
    }
}
