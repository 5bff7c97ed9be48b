using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.Inputs
{
    public sealed class MappingSetInput
    {
        public IReadOnlyList<Mapping> Mappings { get; set; } = Array.Empty<Mapping>();

        /// <summary>The target schema's <c>$id</c>; taken from the pipeline or the target connection when null.</summary>
        public string? SchemaId { get; set; }

        /// <summary>Its schema is the mapping's target when <see cref="SchemaId"/> is not given.</summary>
        public string? TargetConnectionId { get; set; }

        /// <summary>Its columns are what ATTRIBUTE sources may name.</summary>
        public string? SourceConnectionId { get; set; }

        /// <summary>When set, the suggestions at or above it are added to <see cref="Mappings"/> (which win); see <see cref="SuggestedMappings"/>.</summary>
        public double? MinimumConfidence { get; set; }

        public PipelineIds Carried { get; set; } = new PipelineIds();

        public object? Target { get; set; }
    }
}
