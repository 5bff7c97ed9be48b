using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.FlowsAsCode
{
    /// <summary>What a definition asks of its parts: the requests that create them, and the wanted state updates are judged against.</summary>
    public sealed class DataflowRequests
    {
        public SourceConnectionRequest Source { get; init; } = new SourceConnectionRequest();

        public TargetConnectionRequest Target { get; init; } = new TargetConnectionRequest();

        /// <summary>Null when the definition has no mapping set.</summary>
        public MappingSetRequest? MappingSet { get; init; }
    }
}
