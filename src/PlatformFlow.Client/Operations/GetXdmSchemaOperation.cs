using PlatformFlow.Client.Api;
using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.Operations
{
    /// <summary>Get-XdmSchema: tenant schemas by <c>$id</c>/<c>meta:altId</c>, by title (<c>title~</c>) or filter.</summary>
    public sealed class GetXdmSchemaOperation(PlatformClient client) : ResourceListOperation<XdmSchema>(client, "XdmSchema")
    {
        protected override Task<XdmSchema> GetAsync(string id, CancellationToken cancellationToken) => Client.SchemaRegistry.GetSchemaAsync(id, false, cancellationToken);

        // The registry takes a page size only together with an order, so its own paging is kept.
        protected override IAsyncEnumerable<XdmSchema> ListAsync(IReadOnlyList<string> filters, int? pageSize, CancellationToken cancellationToken) =>
            Client.SchemaRegistry.ListSchemasAsync(ListQuery.Where(filters.ToArray()), cancellationToken);

        protected override string? NameOf(XdmSchema item) => item.Title;

        protected override string? NarrowByName(string literal) => "title~" + ListQuery.Quote(literal);

        protected override PipelineIds CarriedBy(XdmSchema item) => new PipelineIds().With(PipelineIds.SchemaId, item.Id);
    }
}
