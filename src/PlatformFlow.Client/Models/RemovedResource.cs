namespace PlatformFlow.Client.Models
{
    /// <summary>What a Remove-* cmdlet deleted (written with -PassThru), in the order it was deleted.</summary>
    public sealed class RemovedResource
    {
        public RemovedResource(string kind, string id, string? name)
        {
            Kind = kind;
            Id = id;
            Name = name;
        }

        /// <summary>e.g. <c>Dataflow</c>, <c>SourceConnection</c>.</summary>
        public string Kind { get; }

        public string Id { get; }

        public string? Name { get; }
    }
}
