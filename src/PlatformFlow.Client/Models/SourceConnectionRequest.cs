namespace PlatformFlow.Client.Models
{
    /// <summary>The body of <c>POST /sourceConnections</c>.</summary>
    public sealed class SourceConnectionRequest
    {
        public string Name { get; init; } = string.Empty;

        public string? Description { get; init; }

        /// <summary>Null (not sent) for a source whose connection spec authenticates without a base connection.</summary>
        public string? BaseConnectionId { get; init; }

        public SourceData Data { get; init; } = new SourceData();

        public SourceParams Params { get; init; } = new SourceParams();

        public SpecReference ConnectionSpec { get; init; } = new SpecReference();
    }
}
