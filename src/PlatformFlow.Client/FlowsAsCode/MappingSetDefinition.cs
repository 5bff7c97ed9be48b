using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.FlowsAsCode
{
    /// <summary>The mappings of the flow's mapping set; its output schema is the target's schema.</summary>
    public sealed class MappingSetDefinition
    {
        /// <summary>Every mapping, calculated ones (<c>EXPRESSION</c>) included, kept as data.</summary>
        public IReadOnlyList<Mapping> Mappings { get; init; } = Array.Empty<Mapping>();
    }
}
