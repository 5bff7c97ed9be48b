using PlatformFlow.Client.Inputs;
using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.Operations
{
    /// <summary>Set-SourceConnection: name and description, by JSON Patch with If-Match.</summary>
    public sealed class SetSourceConnectionOperation(PlatformClient client) : FlowServiceChangeOperation<SourceConnection, SourceConnectionRequest, ResourceChange>(client, client.FlowService.SourceConnections, "source connection", "SetSourceConnection")
    {
    }
}
