using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
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
        private readonly JsonTypeInfo<TResource> _resourceType;
        private readonly JsonTypeInfo<TRequest> _requestType;
        private readonly JsonTypeInfo<ListPage<TResource>> _pageType;

        public FlowServiceCollection(PlatformHttp http, string path, JsonTypeInfo<TResource> resourceType, JsonTypeInfo<TRequest> requestType, JsonTypeInfo<ListPage<TResource>> pageType)
        {
            _http = http;
            Path = path;
            _resourceType = resourceType;
            _requestType = requestType;
            _pageType = pageType;
        }

        /// <summary>e.g. <c>/flows</c>.</summary>
        public string Path { get; }

        public Task<ResourceWriteResult> CreateAsync(TRequest request, CancellationToken cancellationToken = default) =>
            _http.SendAsync(HttpMethod.Post, Path, request, _requestType, PlatformJsonContext.Default.ResourceWriteResult, cancellationToken);

        /// <summary>Creates, then reads the new resource back: the create answer carries only its id and etag.</summary>
        public async Task<TResource> CreateAndGetAsync(TRequest request, CancellationToken cancellationToken = default)
        {
            var created = await CreateAsync(request, cancellationToken).ConfigureAwait(false);
            return await GetAsync(created.Id, cancellationToken).ConfigureAwait(false);
        }

        public Task<TResource> GetAsync(string id, CancellationToken cancellationToken = default) =>
            GetFirstItemAsync(ItemPath(id), cancellationToken);

        public IAsyncEnumerable<TResource> ListAsync(ListQuery? query = null, CancellationToken cancellationToken = default) =>
            _http.PagesAsync<ListPage<TResource>, TResource>(
                Path + (query ?? new ListQuery()).ToQueryString(),
                _pageType,
                (page, _) => (page.Items, _http.ResolveNextLink(page.Links?.Next?.Href)),
                cancellationToken);

        /// <summary>The platform counts (<c>count=true</c>); nothing is listed.</summary>
        public async Task<long> CountAsync(ListQuery? query = null, CancellationToken cancellationToken = default) =>
            (await _http.SendAsync(HttpMethod.Get, Path + (query ?? new ListQuery()).ToQueryString(countOnly: true), PlatformJsonContext.Default.CountResult, cancellationToken).ConfigureAwait(false)).Count;

        /// <summary>JSON Patch with <c>If-Match</c>: <paramref name="etag"/> exactly as the platform returned it.</summary>
        public Task<ResourceWriteResult> PatchAsync(string id, IReadOnlyList<JsonPatchOperation> operations, string etag, CancellationToken cancellationToken = default) =>
            _http.SendAsync(new HttpMethod("PATCH"), ItemPath(id), new List<JsonPatchOperation>(operations), PlatformJsonContext.Default.ListJsonPatchOperation, PlatformJsonContext.Default.ResourceWriteResult, cancellationToken, etag);

        public Task DeleteAsync(string id, CancellationToken cancellationToken = default) =>
            _http.SendAsync(HttpMethod.Delete, ItemPath(id), cancellationToken);

        internal string ItemPath(string id) => Path + "/" + Uri.EscapeDataString(id);

        /// <summary>Flow Service answers a get by id with <c>{items:[resource]}</c>; a bare resource is read too.</summary>
        private Task<TResource> GetFirstItemAsync(string path, CancellationToken cancellationToken) =>
            _http.GetAsync(path, (Collection: this, Path: path), static (answer, state, cancellation) => state.Collection.FirstItemAsync(answer, state.Path, cancellation), cancellationToken);

        private async ValueTask<TResource?> FirstItemAsync(System.IO.Stream answer, string path, CancellationToken cancellationToken)
        {
            // Buffered, then parsed from memory: a bare resource is read from the start again.
            using var buffer = new System.IO.MemoryStream();
            await answer.CopyToAsync(buffer, 16384, cancellationToken).ConfigureAwait(false);
            return FirstItem(new ReadOnlySpan<byte>(buffer.GetBuffer(), 0, (int)buffer.Length), path);
        }

        private TResource FirstItem(ReadOnlySpan<byte> answer, string path)
        {
            // "items" left out reads as null (init-only members are set from the JSON only).
            if (System.Text.Json.JsonSerializer.Deserialize(answer, _pageType)?.Items is { Count: > 0 } items)
            {
                return items[0];
            }

            // No item in "items", or no "items" at all: a bare resource has an id.
            var bare = System.Text.Json.JsonSerializer.Deserialize(answer, _resourceType);
            if (bare is null || string.IsNullOrEmpty(bare.Id))
            {
                throw new Errors.PlatformException(404, null, "Not Found", "The platform answered with no item for " + path + ".", null, "GET", _http.PathOf(path));
            }

            return bare;
        }
    }
}
