namespace PlatformFlow.Client.Models
{
    /// <summary>What a Remove-* cmdlet deleted (written with -PassThru), in the order it was deleted.</summary>
    public sealed class RemovedResource(string kind, string id, string? name)
    {
        /// <summary>e.g. <c>Dataflow</c>, <c>SourceConnection</c>.</summary>
        public string Kind { get; } = kind;

        public string Id { get; } = id;

        public string? Name { get; } = name;
    }
}
