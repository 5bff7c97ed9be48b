using System.Text.Json.Nodes;
using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.Inputs
{
    public sealed class MappingSetTestInput
    {
        /// <summary>An existing mapping set to check (a piped one); ignored when <see cref="Mappings"/> are given.</summary>
        public string? MappingSetId { get; set; }

        /// <summary>A proposed mapping set, checked before it is created.</summary>
        public IReadOnlyList<Mapping> Mappings { get; set; } = Array.Empty<Mapping>();

        public string? SchemaId { get; set; }

        public string? TargetConnectionId { get; set; }

        public string? SourceConnectionId { get; set; }

        /// <summary>Rows to preview; with none and <see cref="Preview"/>, the source table's sample rows.</summary>
        public IReadOnlyList<JsonObject>? Sample { get; set; }

        public bool Preview { get; set; }

        public PipelineIds Carried { get; set; } = new PipelineIds();

        public object? Target { get; set; }
    }
}
