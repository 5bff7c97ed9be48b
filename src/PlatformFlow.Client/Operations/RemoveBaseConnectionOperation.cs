using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.Operations
{
    /// <summary>Remove-BaseConnection: one delete, refused by the platform while a flow uses it.</summary>
    public sealed class RemoveBaseConnectionOperation : FlowServiceRemovalOperation<BaseConnection, BaseConnectionRequest>
    {
        public RemoveBaseConnectionOperation(PlatformClient client)
            : base(client, client.FlowService.BaseConnections, "BaseConnection")
        {
        }
    }
}
