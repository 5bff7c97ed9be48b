using System.Collections;
using System.Collections.Generic;
using System.Linq;
using PlatformFlow.Client.Inputs;
using PlatformFlow.Client.MappingSuggestions;

namespace PlatformFlow.Commands
{
    /// <summary>
    /// <para type="synopsis">Suggests mappings from a source's columns to a target schema's fields, with a confidence and a reason each; values the field cannot take as they are get a calculated field, checked on the sample rows.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "MappingSuggestion", DefaultParameterSetName = PipelineSet, HelpUri = HelpLinks.Cmdlets + "Get-MappingSuggestion.md")]
    [OutputType(typeof(MappingSuggestion))]
    public sealed class GetMappingSuggestionCommand : FlowStepCmdlet
    {
        private const string PipelineSet = "FromPipeline";
        private const string ColumnSet = "FromColumns";

        /// <summary>The columns to map: names, optionally Name:type (Email, Birthdate:string), or Get-SourceTable's column objects.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ColumnSet)]
        [Alias("Columns")]
        [ValidateNotNullOrEmpty]
        public object[] Column { get; set; } = System.Array.Empty<object>();

        /// <summary>The target schema's $id; from the pipeline or the target connection when omitted.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? SchemaId { get; set; }

        /// <summary>Sample rows (hashtables or objects, one property per column) whose shapes guide the suggestions and on which calculated fields are checked.</summary>
        [Parameter(ParameterSetName = ColumnSet)]
        public object[]? Sample { get; set; }

        /// <summary>Its schema (or its dataset's) is the target, and the source connection of the flow that writes to it the source.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? TargetConnectionId { get; set; }

        /// <summary>Its columns, and its table's sample rows, are what is mapped.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = PipelineSet)]
        public string? SourceConnectionId { get; set; }

        /// <summary>The lowest confidence written (0 to 1; default 0.8).</summary>
        [Parameter]
        [ValidateRange(0.0, 1.0)]
        public double MinimumConfidence { get; set; } = MappingSuggester.DefaultMinimumConfidence;

        /// <summary>More usual column names: @{ 'loyalty.tier' = 'Club Level', 'Member Grade' } (destination = names); they count as the vocabulary's own.</summary>
        [Parameter]
        public Hashtable? Vocabulary { get; set; }

        protected override void ProcessRecord()
        {
            var operation = OperationFor(client => new GetMappingSuggestionOperation(client));
            if (TryConvert(() => CreateInput(CarriedIds, InputObject), ErrorTarget("-Column"), out var input))
            {
                Run(host => operation.RunAsync(input, host));
            }
        }

        /// <summary>The operation's input from the bound parameters (no PowerShell calls: tests use it directly).</summary>
        internal MappingSuggestionInput CreateInput(PipelineIds carried, object? target) => new MappingSuggestionInput
        {
            Columns = InputConversion.Columns(Column),
            SchemaId = SchemaId,
            Sample = Sample is null ? null : InputConversion.Rows(Sample),
            TargetConnectionId = TargetConnectionId ?? (InputObject?.BaseObject as Client.Models.TargetConnection)?.Id,
            SourceConnectionId = SourceConnectionId,
            MinimumConfidence = MinimumConfidence,
            Vocabulary = VocabularyFrom(Vocabulary),
            Carried = carried,
            Target = target,
        };

        /// <summary>The standard vocabulary with the names of -Vocabulary (a name or a list of names per destination).</summary>
        internal static MappingVocabulary VocabularyFrom(IDictionary? names) =>
            names is null || names.Count == 0
                ? MappingVocabulary.Standard
                : MappingVocabulary.Standard.With(names.Cast<DictionaryEntry>().Select(e => new KeyValuePair<string, IEnumerable<string>>(
                    e.Key?.ToString() ?? string.Empty,
                    (e.Value is IEnumerable list && !(e.Value is string) ? list.Cast<object>() : new[] { e.Value }).Select(n => n?.ToString() ?? string.Empty).Where(n => n.Length > 0).ToList())));
    }
}
