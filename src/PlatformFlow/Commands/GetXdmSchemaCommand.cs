using System.Management.Automation;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Operations;

namespace PlatformFlow.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets tenant XDM schemas: by $id or meta:altId, by title (wildcards), by the platform's filters, or all.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "XdmSchema", DefaultParameterSetName = ByNameSet, SupportsPaging = true, HelpUri = HelpLinks.Cmdlets + "Get-XdmSchema.md")]
    [OutputType(typeof(XdmSchema))]
    public sealed class GetXdmSchemaCommand : GetResourceCmdlet
    {
        private GetXdmSchemaOperation? _operation;

        [Parameter(Mandatory = true, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("SchemaId", "AltId")]
        [ValidateNotNullOrEmpty]
        public string? Id { get; set; }

        protected override void ProcessRecord()
        {
            var operation = _operation ??= new GetXdmSchemaOperation(ActiveContext.Client);
            var query = QueryFor(Id);
            Run(host => operation.RunAsync(query, host));
        }
    }
}
