using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.Operations
{
    /// <summary>Get-SourceConnection: <c>/sourceConnections</c> by id, name or filter; each carries SourceConnectionId on.</summary>
    public sealed class GetSourceConnectionOperation(PlatformClient client) : FlowServiceListOperation<SourceConnection, SourceConnectionRequest>(client, client.FlowService.SourceConnections, "SourceConnection")
    {
        protected override PipelineIds CarriedBy(SourceConnection item) =>
            new PipelineIds().With(PipelineIds.SourceConnectionId, item.Id).With(PipelineIds.ConnectionSpecId, item.ConnectionSpec?.Id);
    }
}
