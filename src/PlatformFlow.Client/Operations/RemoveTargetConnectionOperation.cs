using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.Operations
{
    /// <summary>Remove-TargetConnection: one delete, refused by the platform while a flow uses it.</summary>
    public sealed class RemoveTargetConnectionOperation : FlowServiceRemovalOperation<TargetConnection, TargetConnectionRequest>
    {
        public RemoveTargetConnectionOperation(PlatformClient client)
            : base(client, client.FlowService.TargetConnections, "TargetConnection")
        {
        }
    }
}
