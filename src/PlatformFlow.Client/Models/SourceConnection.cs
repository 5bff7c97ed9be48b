namespace PlatformFlow.Client.Models
{
    /// <summary>A source connection (<c>/sourceConnections</c>): which data of a base connection a flow reads.</summary>
    public sealed class SourceConnection : FlowServiceResource
    {
        public string? BaseConnectionId { get; init; }

        public SourceData? Data { get; init; }

        public SourceParams? Params { get; init; }

        public SpecReference? ConnectionSpec { get; init; }
    }
}
