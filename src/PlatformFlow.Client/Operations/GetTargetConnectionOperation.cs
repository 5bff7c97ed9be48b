using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.Operations
{
    /// <summary>Get-TargetConnection: <c>/targetConnections</c> by id, name or filter; each carries its ids on.</summary>
    public sealed class GetTargetConnectionOperation(PlatformClient client) : FlowServiceListOperation<TargetConnection, TargetConnectionRequest>(client, client.FlowService.TargetConnections, "TargetConnection")
    {
        protected override async Task CompleteAsync(TargetConnection item, CancellationToken cancellationToken)
        {
            if (item.SchemaId is string schemaId)
            {
                item.SchemaTitle = await Client.SchemaRegistry.GetSchemaTitleCachedAsync(schemaId, cancellationToken).ConfigureAwait(false);
            }
        }

        protected override PipelineIds CarriedBy(TargetConnection item) =>
            new PipelineIds()
                .With(PipelineIds.TargetConnectionId, item.Id)
                .With(PipelineIds.DatasetId, item.Params?.DataSetId)
                .With(PipelineIds.SchemaId, item.Data?.Schema?.Id);
    }
}
