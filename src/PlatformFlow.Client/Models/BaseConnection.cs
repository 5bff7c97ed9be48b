namespace PlatformFlow.Client.Models
{
    /// <summary>A base connection (<c>/connections</c>): the authenticated link to a source system.</summary>
    public sealed class BaseConnection : FlowServiceResource
    {
        public ConnectionAuth? Auth { get; init; }

        public SpecReference? ConnectionSpec { get; init; }
    }
}
