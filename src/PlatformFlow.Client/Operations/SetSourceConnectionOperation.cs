using PlatformFlow.Client.Inputs;
using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.Operations
{
    /// <summary>Set-SourceConnection: name and description, by JSON Patch with If-Match.</summary>
    public sealed class SetSourceConnectionOperation : FlowServiceChangeOperation<SourceConnection, SourceConnectionRequest, ResourceChange>
    {
        public SetSourceConnectionOperation(PlatformClient client)
            : base(client, client.FlowService.SourceConnections, "source connection", "SetSourceConnection")
        {
        }
    }
}
