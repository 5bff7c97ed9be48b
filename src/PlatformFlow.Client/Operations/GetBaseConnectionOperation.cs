using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.Operations
{
    /// <summary>Get-BaseConnection: <c>/connections</c> by id, name or filter; each carries BaseConnectionId and ConnectionSpecId on.</summary>
    public sealed class GetBaseConnectionOperation(PlatformClient client) : FlowServiceListOperation<BaseConnection, BaseConnectionRequest>(client, client.FlowService.BaseConnections, "BaseConnection")
    {
        protected override PipelineIds CarriedBy(BaseConnection item) =>
            new PipelineIds().With(PipelineIds.BaseConnectionId, item.Id).With(PipelineIds.ConnectionSpecId, item.ConnectionSpec?.Id);
    }
}
