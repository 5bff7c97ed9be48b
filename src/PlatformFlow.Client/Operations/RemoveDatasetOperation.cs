namespace PlatformFlow.Client.Operations
{
    /// <summary>Remove-Dataset: Catalog <c>DELETE /dataSets/{id}</c>.</summary>
    public sealed class RemoveDatasetOperation(PlatformClient client) : RemovalOperation<string>(client, "RemoveDataset")
    {
        protected override async Task<IReadOnlyList<RemovalStep>> PlanStepsAsync(string id, IOperationHost host)
        {
            var cancellationToken = host.Cancellation;
            var dataset = await GetByIdAsync("Dataset", id, () => Client.Catalog.GetDatasetAsync(id, cancellationToken)).ConfigureAwait(false);
            return new[] { new RemovalStep("Dataset", dataset.Id, dataset.Name, cancellation => Client.Catalog.DeleteDatasetAsync(dataset.Id, cancellation)) };
        }
    }
}
