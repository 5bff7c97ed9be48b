using PlatformFlow.Client.Errors;
using PlatformFlow.Client.Inputs;
using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.Operations
{
    /// <summary>New-Dataset: a Catalog dataset on a schema (<c>POST /dataSets</c>, answer <c>["@/dataSets/{id}"]</c>).</summary>
    public sealed class NewDatasetOperation(PlatformClient client) : PlatformOperation(client)
    {
        public Task RunAsync(DatasetInput input, IOperationHost host) =>
            ForInputAsync(host, input.Target ?? input.Name, input.Name, "NewDataset", async () =>
            {
                if (string.IsNullOrWhiteSpace(input.Name) || string.IsNullOrWhiteSpace(input.SchemaId))
                {
                    throw new PlatformValidationException("dataset", "a dataset needs a Name and a SchemaId");
                }

                if (JsonSchema.PlatformLimits.NameProblem(input.Name) is string nameProblem)
                {
                    throw new PlatformValidationException("dataset", "Name: " + nameProblem);
                }

                if (!Planned.IsPlanned(input.SchemaId))
                {
                    await RequireSchemaAsync(input.Name, input.SchemaId, host.Cancellation).ConfigureAwait(false);
                }

                var request = new DatasetRequest
                {
                    Name = input.Name,
                    Description = input.Description,
                    SchemaRef = new DatasetSchemaReference { Id = input.SchemaId, ContentType = WellKnown.XedFullNoTextContentType },
                };

                var dataset = await CreateOrPlanAsync(
                    host,
                    input.Name,
                    "Create dataset on schema " + input.SchemaId,
                    async cancel => await Client.Catalog.GetDatasetAsync(await Client.Catalog.CreateDatasetAsync(request, cancel).ConfigureAwait(false), cancel).ConfigureAwait(false),
                    () => new Dataset { Id = Planned.NewId("dataSet"), Name = input.Name, Description = input.Description, SchemaRef = request.SchemaRef }).ConfigureAwait(false);
                if (dataset is null)
                {
                    return;
                }

                var ids = input.Carried.With(PipelineIds.DatasetId, dataset.Id).With(PipelineIds.SchemaId, input.SchemaId);
                host.WriteObject(dataset, ids.PropertiesFor(dataset));
            });

        /// <summary>The schema must exist in the sandbox: an unknown -SchemaId is refused before anything is sent.</summary>
        private async Task RequireSchemaAsync(string name, string schemaId, CancellationToken cancellationToken)
        {
            try
            {
                await Client.SchemaRegistry.GetSchemaAsync(schemaId, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (PlatformException missing) when (missing.StatusCode == 404)
            {
                throw new PlatformValidationException("dataset '" + name + "'", "SchemaId: " + schemaId + " is not a schema of this sandbox (" + CmdletTerms.ListSchemas + " lists them)");
            }
        }
    }
}
