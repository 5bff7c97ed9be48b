using System.Text.RegularExpressions;
using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.Operations
{
    /// <summary>
    /// Get-Dataset: Catalog <c>/dataSets</c> by id, name or filter. Catalog's <c>~</c> is a regular expression, so -Name is
    /// narrowed with the escaped literal, any case.
    /// </summary>
    public sealed class GetDatasetOperation(PlatformClient client) : ResourceListOperation<Dataset>(client, "Dataset")
    {
        protected override Task<Dataset> GetAsync(string id, CancellationToken cancellationToken) => Client.Catalog.GetDatasetAsync(id, cancellationToken);

        protected override IAsyncEnumerable<Dataset> ListAsync(IReadOnlyList<string> filters, int? pageSize, CancellationToken cancellationToken) =>
            Client.Catalog.ListDatasetsAsync(filters.Select(f => "property=" + f).ToList(), cancellationToken);

        protected override async Task CompleteAsync(Dataset item, CancellationToken cancellationToken)
        {
            if (item.SchemaId is string schemaId)
            {
                item.SchemaTitle = await Client.SchemaRegistry.GetSchemaTitleCachedAsync(schemaId, cancellationToken).ConfigureAwait(false);
            }
        }

        protected override string? NameOf(Dataset item) => item.Name;

        protected override string? NarrowByName(string literal) => "name~(?i)" + Regex.Escape(literal);

        protected override PipelineIds CarriedBy(Dataset item) =>
            new PipelineIds().With(PipelineIds.DatasetId, item.Id).With(PipelineIds.SchemaId, item.SchemaRef?.Id);
    }
}
