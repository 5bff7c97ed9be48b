using System.Text.Json.Nodes;
using PlatformFlow.Client.MappingSuggestions;
using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.Inputs
{
    public sealed class MappingSuggestionInput
    {
        /// <summary>The columns to map (names, optionally with types); from the source connection or table when empty.</summary>
        public IReadOnlyList<SourceColumn> Columns { get; set; } = Array.Empty<SourceColumn>();

        /// <summary>The target schema's <c>$id</c>; from the pipeline or the target connection when null.</summary>
        public string? SchemaId { get; set; }

        public string? TargetConnectionId { get; set; }

        public string? SourceConnectionId { get; set; }

        /// <summary>Sample rows; the source table's own (explore preview) when null.</summary>
        public IReadOnlyList<JsonObject>? Sample { get; set; }

        public double MinimumConfidence { get; set; } = MappingSuggester.DefaultMinimumConfidence;

        public MappingVocabulary Vocabulary { get; set; } = MappingVocabulary.Standard;

        public PipelineIds Carried { get; set; } = new PipelineIds();

        public object? Target { get; set; }
    }
}
