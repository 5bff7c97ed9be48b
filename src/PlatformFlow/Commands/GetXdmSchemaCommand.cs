using PlatformFlow.Client.Relations;

namespace PlatformFlow.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets tenant XDM schemas: by $id or meta:altId, by title (wildcards), by the platform's filters, or all.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "XdmSchema", DefaultParameterSetName = ByNameSet, SupportsPaging = true, HelpUri = HelpLinks.Cmdlets + "Get-XdmSchema.md")]
    [OutputType(typeof(XdmSchema))]
    public sealed class GetXdmSchemaCommand : GetResourceCmdlet
    {
        [Parameter(Mandatory = true, ParameterSetName = ByIdSet)]
        [Alias("SchemaId", "AltId")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ResourceIdCompleter))]
        [ValidateIdLength]
        public string? Id { get; set; }

        protected override ResourceKind Kind => ResourceKind.XdmSchema;

        protected override void ProcessRecord()
        {
            var operation = OperationFor(client => new GetXdmSchemaOperation(client));
            RunQuery(Id, operation.RunAsync);
        }
    }
}
