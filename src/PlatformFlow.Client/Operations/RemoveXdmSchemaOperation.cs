namespace PlatformFlow.Client.Operations
{
    /// <summary>Remove-XdmSchema: Schema Registry <c>DELETE /tenant/schemas/{id}</c> (by <c>$id</c> or <c>meta:altId</c>).</summary>
    public sealed class RemoveXdmSchemaOperation(PlatformClient client) : RemovalOperation<string>(client, "RemoveXdmSchema")
    {
        protected override async Task<IReadOnlyList<RemovalStep>> PlanStepsAsync(string id, IOperationHost host)
        {
            var cancellationToken = host.Cancellation;
            var schema = await GetByIdAsync("XdmSchema", id, () => Client.SchemaRegistry.GetSchemaAsync(id, false, cancellationToken)).ConfigureAwait(false);
            return new[] { new RemovalStep("XdmSchema", schema.Id, schema.Title, cancellation => Client.SchemaRegistry.DeleteSchemaAsync(schema.Id, cancellation)) };
        }
    }
}
