
namespace PlatformFlow.Client.FlowsAsCode
{
    /// <summary>The ids a definition's names resolved to in the target sandbox.</summary>
    public sealed class ResolvedReferences
    {
        public string FlowSpecId { get; init; } = string.Empty;

        public string SourceConnectionSpecId { get; init; } = string.Empty;

        public string? BaseConnectionId { get; init; }

        public string TargetConnectionSpecId { get; init; } = string.Empty;

        public string DatasetId { get; init; } = string.Empty;

        public string SchemaId { get; init; } = string.Empty;
    }
}
