using System.Management.Automation;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Operations;
using PlatformFlow.Hosting;

namespace PlatformFlow.Commands
{
    /// <summary>
    /// <para type="synopsis">Creates a Data Prep mapping set from source fields to target schema fields, checking both sides first.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "MappingSet", SupportsShouldProcess = true, HelpUri = HelpLinks.Cmdlets + "New-MappingSet.md")]
    [OutputType(typeof(MappingSet))]
    public sealed class NewMappingSetCommand : FlowStepCmdlet
    {
        private NewMappingSetOperation? _operation;

        /// <summary>
        /// @{ Email = 'personalEmail.address' } (source = destination), or objects/hashtables with SourceType, Source and
        /// Destination (the older sourceAttribute/destinationXdmPath names work too).
        /// </summary>
        [Parameter(Mandatory = true, Position = 0)]
        [Alias("Mappings")]
        [ValidateNotNullOrEmpty]
        public object[] Mapping { get; set; } = System.Array.Empty<object>();

        /// <summary>The target schema's $id; from the pipeline or the target connection when omitted.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? SchemaId { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? TargetConnectionId { get; set; }

        /// <summary>Its columns are checked against the mapping's sources.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? SourceConnectionId { get; set; }

        protected override void ProcessRecord()
        {
            var operation = OperationFor(ref _operation, client => new NewMappingSetOperation(client));
            if (TryConvert(() => CreateInput(CarriedIds, InputObject), ErrorTarget("-Mapping"), out var input))
            {
                Run(host => operation.RunAsync(input, host));
            }
        }

        /// <summary>The operation's input from the bound parameters (no PowerShell calls: tests use it directly).</summary>
        internal MappingSetInput CreateInput(PipelineIds carried, object? target) => new MappingSetInput
        {
            Mappings = InputConversion.Mappings(Mapping),
            SchemaId = SchemaId,
            TargetConnectionId = TargetConnectionId,
            SourceConnectionId = SourceConnectionId,
            Carried = carried,
            Target = target,
        };
    }
}
