using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.Operations
{
    /// <summary>Remove-SourceConnection: one delete, refused by the platform while a flow uses it.</summary>
    public sealed class RemoveSourceConnectionOperation(PlatformClient client) : FlowServiceRemovalOperation<SourceConnection, SourceConnectionRequest>(client, client.FlowService.SourceConnections, "SourceConnection")
    {
    }
}
