using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.Operations
{
    /// <summary>Remove-TargetConnection: one delete, refused by the platform while a flow uses it.</summary>
    public sealed class RemoveTargetConnectionOperation(PlatformClient client) : FlowServiceRemovalOperation<TargetConnection, TargetConnectionRequest>(client, client.FlowService.TargetConnections, "TargetConnection")
    {
    }
}
