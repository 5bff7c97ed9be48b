using PlatformFlow.Client.Inputs;
using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.Operations
{
    /// <summary>Set-TargetConnection: name and description, by JSON Patch with If-Match.</summary>
    public sealed class SetTargetConnectionOperation : FlowServiceChangeOperation<TargetConnection, TargetConnectionRequest, ResourceChange>
    {
        public SetTargetConnectionOperation(PlatformClient client)
            : base(client, client.FlowService.TargetConnections, "target connection", "SetTargetConnection")
        {
        }
    }
}
