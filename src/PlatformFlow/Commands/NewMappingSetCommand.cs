using PlatformFlow.Client.Inputs;

namespace PlatformFlow.Commands
{
    /// <summary>
    /// <para type="synopsis">Creates a Data Prep mapping set from source fields to target schema fields, checking both sides first.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "MappingSet", SupportsShouldProcess = true, DefaultParameterSetName = MappingSet, HelpUri = HelpLinks.Cmdlets + "New-MappingSet.md")]
    [OutputType(typeof(MappingSet))]
    public sealed class NewMappingSetCommand : FlowStepCmdlet
    {
        private const string MappingSet = "Mapping";
        private const string SuggestSet = "Suggest";

        /// <summary>
        /// @{ Email = 'personalEmail.address' } (source = destination), or objects/hashtables with SourceType, Source and
        /// Destination (the older sourceAttribute/destinationXdmPath names work too).
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = MappingSet)]
        [Parameter(Position = 0, ParameterSetName = SuggestSet)]
        [Alias("Mappings")]
        [ValidateNotNullOrEmpty]
        public object[] Mapping { get; set; } = System.Array.Empty<object>();

        /// <summary>
        /// Adds the mappings Get-MappingSuggestion proposes (at or above -MinimumConfidence) for the source's columns and the
        /// target schema; a -Mapping for the same column or destination wins. -WhatIf shows each one taken and why.
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = SuggestSet)]
        public SwitchParameter Suggest { get; set; }

        /// <summary>The lowest confidence of a suggestion taken with -Suggest (0 to 1; default 0.8).</summary>
        [Parameter(ParameterSetName = SuggestSet)]
        [ValidateRange(0.0, 1.0)]
        public double MinimumConfidence { get; set; } = Client.MappingSuggestions.MappingSuggester.DefaultMinimumConfidence;

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
            var operation = OperationFor(client => new NewMappingSetOperation(client));
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
            MinimumConfidence = Suggest.IsPresent ? MinimumConfidence : (double?)null,
            Carried = carried,
            Target = target,
        };
    }
}
