using System.Net.Http;
using System.Text.Json.Serialization.Metadata;
using PlatformFlow.Client.Caching;
using PlatformFlow.Client.Http;
using PlatformFlow.Client.Json;
using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.Api
{
    /// <summary>
    /// One Flow Service collection (<c>/connections</c>, <c>/sourceConnections</c>, <c>/targetConnections</c>, <c>/flows</c>):
    /// the same create, get, list, count, JSON Patch and delete for each.
    /// </summary>
    public sealed class FlowServiceCollection<TResource, TRequest>
        where TResource : FlowServiceResource
    {
        private readonly PlatformHttp _http;
        // Asked for at first use: building a type's serialization metadata is most of a first command's JIT work, and a
        // context that only counts flows need not build every collection's (issue 25, P9).
        private readonly Func<JsonTypeInfo<TResource>> _resourceType;
        private readonly Func<JsonTypeInfo<TRequest>> _requestType;
        private readonly Func<JsonTypeInfo<ListPage<TResource>>> _pageType;
        private readonly AsyncCache<TResource> _byId;
        private readonly BatchedLookup<TResource> _byIds;

        public FlowServiceCollection(PlatformHttp http, string path, Func<JsonTypeInfo<TResource>> resourceType, Func<JsonTypeInfo<TRequest>> requestType, Func<JsonTypeInfo<ListPage<TResource>>> pageType, ReadCachePolicy reads)
        {
            _http = http;
            Path = path;
            _resourceType = resourceType;
            _requestType = requestType;
            _pageType = pageType;
            _byId = reads.NewCache<TResource>();
            Names = new NameIndex<TResource>(
                (filter, cancel) => ListAsync(ByFilter(filter), cancel),
                cancel => CountAsync(null, cancel),
                resource => resource.Name,
                resource => resource.Id,
                reads);
            _byIds = new BatchedLookup<TResource>("id", (filter, cancel) => ListAsync(ByFilter(filter), cancel), resource => resource.Id, StringComparer.Ordinal);
        }

        /// <summary>The collection's resources by name, for create-or-reuse (asked several names to a request, kept current by this module's writes).</summary>
        public NameIndex<TResource> Names { get; }

        // The platform's largest page: names shared by many resources still come in one request.
        private const int ListingPageSize = 1000;

        /// <summary>e.g. <c>/flows</c>.</summary>
        public string Path { get; }

        public Task<ResourceWriteResult> CreateAsync(TRequest request, CancellationToken cancellationToken = default) =>
            _http.SendAsync(HttpMethod.Post, Path, request, _requestType(), PlatformJsonContext.Default.ResourceWriteResult, cancellationToken);

        /// <summary>
        /// Creates, then reads the new resource back: for resources whose read differs from the request in what matters
        /// (a base connection's secrets come back masked, so what is written out never holds them).
        /// </summary>
        public async Task<TResource> CreateAndGetAsync(TRequest request, CancellationToken cancellationToken = default)
        {
            var created = await CreateAsync(request, cancellationToken).ConfigureAwait(false);
            return await GetAsync(created.Id, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Creates, and builds the new resource from the request and the create answer (its id and etag) instead of reading
        /// it back: one request, not two. The platform's own audit fields (<c>createdAt</c>, <c>createdBy</c>...) are not
        /// in the answer and stay empty on the built object. It is remembered for the cached reads and the name index.
        /// </summary>
        public async Task<TResource> CreateAndBuildAsync(TRequest request, Func<ResourceWriteResult, TResource> build, CancellationToken cancellationToken = default)
        {
            var created = build(await CreateAsync(request, cancellationToken).ConfigureAwait(false));
            Remember(created);
            return created;
        }

        public Task<TResource> GetAsync(string id, CancellationToken cancellationToken = default) =>
            GetFirstItemAsync(ItemPath(id), cancellationToken);

        /// <summary>
        /// As <see cref="GetAsync"/>, but read together with the other ids asked for meanwhile (<c>id==a,b,c</c>): concurrent
        /// readers (an export with -ThrottleLimit) share requests. An id the filter does not find is read alone, so a
        /// missing resource fails with the platform's own answer.
        /// </summary>
        public async Task<TResource> GetBatchedAsync(string id, CancellationToken cancellationToken = default)
        {
            var found = await _byIds.FindAsync(id, cancellationToken).ConfigureAwait(false);
            return found.Count == 1 ? found[0] : await GetAsync(id, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// A read shared by the context for a short while (<see cref="ReadCachePolicy"/>), for checks that only need what
        /// does not change within a run (a connection's spec and columns); this module's writes replace or drop it.
        /// </summary>
        public Task<TResource> GetCachedAsync(string id, CancellationToken cancellationToken = default) =>
            _byId.GetAsync(id, cancel => GetAsync(id, cancel), cancellationToken);

        /// <summary>Asks the platform (not the index) for the resources of this name, and remembers what it found.</summary>
        public async Task<IReadOnlyList<TResource>> FindByNameFreshAsync(string name, CancellationToken cancellationToken = default)
        {
            var found = new List<TResource>();
            await foreach (var resource in ListAsync(ListQuery.Where("name==" + ListQuery.Quote(name)), cancellationToken).ConfigureAwait(false))
            {
                if (string.Equals(resource.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    Remember(resource);
                    found.Add(resource);
                }
            }

            return found;
        }

        /// <summary>A resource as this module just wrote it (created or changed): served from the caches from now on.</summary>
        public void Remember(TResource resource)
        {
            _byId.Set(resource.Id, resource);
            Names.Remember(resource);
        }

        public IAsyncEnumerable<TResource> ListAsync(ListQuery? query = null, CancellationToken cancellationToken = default) =>
            _http.ItemsAsync(Path + (query ?? new ListQuery()).ToQueryString(), "items", _resourceType(), cancellationToken);

        /// <summary>The platform counts (<c>count=true</c>); nothing is listed.</summary>
        public async Task<long> CountAsync(ListQuery? query = null, CancellationToken cancellationToken = default) =>
            (await _http.SendAsync(HttpMethod.Get, Path + (query ?? new ListQuery()).ToQueryString(countOnly: true), PlatformJsonContext.Default.CountResult, cancellationToken).ConfigureAwait(false)).Count;

        /// <summary>JSON Patch with <c>If-Match</c>: <paramref name="etag"/> exactly as the platform returned it.</summary>
        public async Task<ResourceWriteResult> PatchAsync(string id, IReadOnlyList<JsonPatchOperation> operations, string etag, CancellationToken cancellationToken = default)
        {
            try
            {
                return await _http.SendAsync(new HttpMethod("PATCH"), ItemPath(id), new List<JsonPatchOperation>(operations), PlatformJsonContext.Default.ListJsonPatchOperation, PlatformJsonContext.Default.ResourceWriteResult, cancellationToken, etag).ConfigureAwait(false);
            }
            finally
            {
                Changed(id);
            }
        }

        public async Task DeleteAsync(string id, CancellationToken cancellationToken = default)
        {
            try
            {
                await _http.SendAsync(HttpMethod.Delete, ItemPath(id), cancellationToken).ConfigureAwait(false);
                Names.Forget(id);
            }
            finally
            {
                _byId.Remove(id);
            }
        }

        /// <summary>
        /// Changes <paramref name="existing"/> with JSON Patch against its etag, then builds it from the answer (no read
        /// back) and remembers it, as a create does.
        /// </summary>
        public async Task<TResource> PatchAndBuildAsync(TResource existing, IReadOnlyList<JsonPatchOperation> operations, Func<ResourceWriteResult, TResource> build, CancellationToken cancellationToken = default)
        {
            var written = await PatchAsync(existing.Id, operations, existing.Etag ?? (await GetAsync(existing.Id, cancellationToken).ConfigureAwait(false)).Etag ?? string.Empty, cancellationToken).ConfigureAwait(false);
            var updated = build(written);
            Remember(updated);
            return updated;
        }

        /// <summary>The resource was (or may have been) changed by a write that is not a create: read it afresh from now on.</summary>
        public void Changed(string id)
        {
            _byId.Remove(id);
            Names.Invalidate();
        }

        private static ListQuery ByFilter(string filter)
        {
            var query = ListQuery.Where(filter);
            query.Limit = ListingPageSize;
            return query;
        }

        internal string ItemPath(string id) => Path + "/" + Uri.EscapeDataString(id);

        /// <summary>Flow Service answers a get by id with <c>{items:[resource]}</c>; a bare resource is read too.</summary>
        private Task<TResource> GetFirstItemAsync(string path, CancellationToken cancellationToken) =>
            _http.GetAsync(path, (Collection: this, Path: path), static (answer, state, cancellation) => state.Collection.FirstItemAsync(answer, state.Path, cancellation), cancellationToken);

        private async ValueTask<TResource?> FirstItemAsync(System.IO.Stream answer, string path, CancellationToken cancellationToken)
        {
            // Buffered, then parsed from memory: a bare resource is read from the start again.
            using var buffer = new System.IO.MemoryStream();
            await answer.CopyToAsync(buffer, 16384, cancellationToken).ConfigureAwait(false);
            var bytes = new ReadOnlySpan<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
            try
            {
                return FirstItem(bytes, path);
            }
            catch (System.Text.Json.JsonException)
            {
                // A member the client cannot read (an odd value the platform holds): read what can be read, as listings do.
                return FirstItemLeniently(bytes, path);
            }
        }

        private TResource FirstItem(ReadOnlySpan<byte> answer, string path)
        {
            // "items" left out reads as null (init-only members are set from the JSON only).
            if (System.Text.Json.JsonSerializer.Deserialize(answer, _pageType())?.Items is { Count: > 0 } items)
            {
                return items[0];
            }

            // No item in "items", or no "items" at all: a bare resource has an id.
            var bare = System.Text.Json.JsonSerializer.Deserialize(answer, _resourceType());
            if (bare is null || string.IsNullOrEmpty(bare.Id))
            {
                throw new Errors.PlatformException(404, null, "Not Found", "The platform answered with no item for " + path + ".", null, "GET", _http.PathOf(path));
            }

            return bare;
        }

        private TResource FirstItemLeniently(ReadOnlySpan<byte> answer, string path)
        {
            var node = System.Text.Json.Nodes.JsonNode.Parse(answer);
            var item = node?["items"] is System.Text.Json.Nodes.JsonArray items ? items.Count > 0 ? items[0] : null : node;
            if (item is null)
            {
                throw new Errors.PlatformException(404, null, "Not Found", "The platform answered with no item for " + path + ".", null, "GET", _http.PathOf(path));
            }

            return LenientJson.Read(item, _resourceType());
        }
    }
}
