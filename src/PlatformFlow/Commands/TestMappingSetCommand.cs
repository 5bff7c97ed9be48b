using PlatformFlow.Client.Inputs;

namespace PlatformFlow.Commands
{
    /// <summary>
    /// <para type="synopsis">Validates a mapping set (a piped one, or proposed mappings for a target) with the platform's own rules, or previews the records it makes of sample rows.</para>
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "MappingSet", DefaultParameterSetName = ValidateSet, HelpUri = HelpLinks.Cmdlets + "Test-MappingSet.md")]
    [OutputType(typeof(bool), ParameterSetName = new[] { ValidateSet })]
    [OutputType(typeof(PSObject), ParameterSetName = new[] { SampleSet, PreviewSet })]
    public sealed class TestMappingSetCommand : FlowStepCmdlet
    {
        private const string ValidateSet = "Validate";
        private const string SampleSet = "Sample";
        private const string PreviewSet = "Preview";

        /// <summary>
        /// Proposed mappings, as New-MappingSet takes them: @{ Email = 'personalEmail.address'; '=lower(Email)' = '...' }
        /// (a source starting with = is a calculated field). Without it, the piped mapping set is checked.
        /// </summary>
        [Parameter(Position = 0)]
        [Alias("Mappings")]
        public object[]? Mapping { get; set; }

        /// <summary>One proposed mapping's source (a column, or =calculated field): Get-MappingSuggestion's objects bind here and to -Destination.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Source { get; set; }

        /// <summary>That mapping's XDM field path.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Destination { get; set; }

        /// <summary>The mapping set to check (a piped mapping set binds its Id here).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? MappingSetId { get; set; }

        /// <summary>The target schema's $id for proposed mappings; from the pipeline or the target connection when omitted.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? SchemaId { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? TargetConnectionId { get; set; }

        /// <summary>Its columns are what the mappings may read, and its table's sample rows what -Preview maps.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? SourceConnectionId { get; set; }

        /// <summary>Rows to map (hashtables or objects, one property per source column): writes the records the mapping set makes of them.</summary>
        [Parameter(Mandatory = true, ParameterSetName = SampleSet)]
        public object[]? Sample { get; set; }

        /// <summary>Map the source table's own sample rows (as Get-SourceTable -Preview shows them).</summary>
        [Parameter(Mandatory = true, ParameterSetName = PreviewSet)]
        public SwitchParameter Preview { get; set; }

        protected override void ProcessRecord()
        {
            var operation = OperationFor(client => new TestMappingSetOperation(client));
            if (TryConvert(() => CreateInput(CarriedIds, InputObject), ErrorTarget("-Mapping"), out var input))
            {
                Run(host => operation.RunAsync(input, host));
            }
        }

        /// <summary>The operation's input from the bound parameters (no PowerShell calls: tests use it directly).</summary>
        internal MappingSetTestInput CreateInput(PipelineIds carried, object? target) => new MappingSetTestInput
        {
            Mappings = Mapping is null && Source != null && Destination != null ? new[] { Client.Models.Mapping.FromPair(Source, Destination) } : InputConversion.Mappings(Mapping),
            MappingSetId = Mapping is null && Source is null ? MappingSetId ?? (InputObject?.BaseObject as Client.Models.MappingSet)?.Id : null,
            SchemaId = SchemaId,
            TargetConnectionId = TargetConnectionId,
            SourceConnectionId = SourceConnectionId,
            Sample = Sample is null ? null : InputConversion.Rows(Sample),
            Preview = Preview.IsPresent,
            Carried = carried,
            Target = target,
        };
    }
}
