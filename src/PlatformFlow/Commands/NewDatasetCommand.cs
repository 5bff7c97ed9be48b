using PlatformFlow.Client.Inputs;

namespace PlatformFlow.Commands
{
    /// <summary>
    /// <para type="synopsis">Creates a Catalog dataset on an XDM schema (the dataflow's target dataset).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "Dataset", SupportsShouldProcess = true, HelpUri = HelpLinks.Cmdlets + "New-Dataset.md")]
    [OutputType(typeof(Dataset))]
    public sealed class NewDatasetCommand : FlowStepCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        [TrimmedName]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = string.Empty;

        /// <summary>The schema's $id; piping a schema from New-XdmSchema binds it.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string SchemaId { get; set; } = string.Empty;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Description { get; set; }

        protected override void ProcessRecord()
        {
            var operation = OperationFor(client => new NewDatasetOperation(client));
            var input = CreateInput(CarriedIds, ErrorTarget(Name));
            Run(host => operation.RunAsync(input, host));
        }

        /// <summary>The operation's input from the bound parameters (no PowerShell calls: tests use it directly).</summary>
        internal DatasetInput CreateInput(PipelineIds carried, object? target) =>
            new DatasetInput { Name = Name, SchemaId = SchemaId, Description = Description, Carried = carried, Target = target };
    }
}
