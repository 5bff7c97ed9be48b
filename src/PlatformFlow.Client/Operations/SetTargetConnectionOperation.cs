using PlatformFlow.Client.Inputs;
using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.Operations
{
    /// <summary>Set-TargetConnection: name and description, by JSON Patch with If-Match.</summary>
    public sealed class SetTargetConnectionOperation(PlatformClient client) : FlowServiceChangeOperation<TargetConnection, TargetConnectionRequest, ResourceChange>(client, client.FlowService.TargetConnections, "target connection", "SetTargetConnection")
    {
    }
}
