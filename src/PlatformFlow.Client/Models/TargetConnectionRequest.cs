namespace PlatformFlow.Client.Models
{
    /// <summary>The body of <c>POST /targetConnections</c>.</summary>
    public sealed class TargetConnectionRequest
    {
        public string Name { get; init; } = string.Empty;

        public string? Description { get; init; }

        public TargetData Data { get; init; } = new TargetData();

        public TargetParams Params { get; init; } = new TargetParams();

        public SpecReference ConnectionSpec { get; init; } = new SpecReference();
    }
}
