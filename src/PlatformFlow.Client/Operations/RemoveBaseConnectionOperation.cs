using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.Operations
{
    /// <summary>Remove-BaseConnection: one delete, refused by the platform while a flow uses it.</summary>
    public sealed class RemoveBaseConnectionOperation(PlatformClient client) : FlowServiceRemovalOperation<BaseConnection, BaseConnectionRequest>(client, client.FlowService.BaseConnections, "BaseConnection")
    {
    }
}
