using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace PlatformFlow.Client.Models
{
    /// <summary>A flow spec (<c>/flowSpecs</c>): which connection specs a flow may join, and the JSON Schemas of its parts.</summary>
    public sealed class FlowSpec : FlowServiceSpec
    {
        public ValueList<string> SourceConnectionSpecIds { get; init; } = new ValueList<string>();

        public ValueList<string> TargetConnectionSpecIds { get; init; } = new ValueList<string>();

        public NamedSpec? ScheduleSpec { get; init; }

        /// <summary>The name the current platform (and the newer tutorial) uses.</summary>
        public ValueList<NamedSpec>? TransformationSpec { get; init; }

        /// <summary>The name the older tutorial shows; read so either answer works.</summary>
        public ValueList<NamedSpec>? TransformationSpecs { get; init; }

        public NamedSpec? RunSpec { get; init; }

        public NamedSpec? OptionSpec { get; init; }

        /// <summary>The transformation specs under whichever name the platform used.</summary>
        [JsonIgnore]
        public ValueList<NamedSpec> Transformations => TransformationSpec ?? TransformationSpecs ?? new ValueList<NamedSpec>();

        /// <summary>The frequencies its schedule spec allows (<c>once</c>, <c>minute</c>...); empty for a flow spec without a schedule (streaming).</summary>
        [JsonIgnore]
        public ValueList<string> Frequencies =>
            new ValueList<string>((ScheduleSpec?.SpecJson?["properties"]?["frequency"]?["enum"] as JsonArray ?? new JsonArray()).Select(f => f?.ToString() ?? string.Empty));

        public NamedSpec? FindTransformation(string name) =>
            Transformations.FirstOrDefault(t => string.Equals(t.Name, name, System.StringComparison.OrdinalIgnoreCase));
    }
}
