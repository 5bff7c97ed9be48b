namespace PlatformFlow.Client.Models
{
    /// <summary>The body of <c>POST /connections</c>.</summary>
    public sealed class BaseConnectionRequest
    {
        public string Name { get; init; } = string.Empty;

        public string? Description { get; init; }

        public ConnectionAuth Auth { get; init; } = new ConnectionAuth();

        public SpecReference ConnectionSpec { get; init; } = new SpecReference();
    }
}
