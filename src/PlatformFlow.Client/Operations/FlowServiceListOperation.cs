using PlatformFlow.Client.Api;
using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.Operations
{
    /// <summary>
    /// A Get-* over a Flow Service collection: the platform filters (<c>property</c>, <c>name~</c> for -Name), pages
    /// (<c>limit</c>, <c>_links.next</c>) and counts (<c>count=true</c>).
    /// </summary>
    public abstract class FlowServiceListOperation<TResource, TRequest> : ResourceListOperation<TResource>
        where TResource : FlowServiceResource
    {
        protected FlowServiceListOperation(PlatformClient client, FlowServiceCollection<TResource, TRequest> collection, string kind)
            : base(client, kind)
        {
            Collection = collection;
        }

        protected FlowServiceCollection<TResource, TRequest> Collection { get; }

        protected override Task<TResource> GetAsync(string id, CancellationToken cancellationToken) => Collection.GetAsync(id, cancellationToken);

        protected override IAsyncEnumerable<TResource> ListAsync(IReadOnlyList<string> filters, int? pageSize, CancellationToken cancellationToken) =>
            Collection.ListAsync(Query(filters, pageSize), cancellationToken);

        protected override async Task<long?> CountAsync(IReadOnlyList<string> filters, CancellationToken cancellationToken) =>
            await Collection.CountAsync(Query(filters, null), cancellationToken).ConfigureAwait(false);

        protected override string? NameOf(TResource item) => item.Name;

        protected override string? NarrowByName(string literal) => "name~" + ListQuery.Quote(literal);

        private static ListQuery Query(IReadOnlyList<string> filters, int? pageSize)
        {
            var query = ListQuery.Where(filters.ToArray());
            query.Limit = pageSize;
            return query;
        }
    }
}
