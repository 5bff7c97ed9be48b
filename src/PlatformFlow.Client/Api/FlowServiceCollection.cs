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

        public FlowServiceCollection(PlatformHttp http, string path, JsonTypeInfo<TResource> resourceType, JsonTypeInfo<TRequest> requestType)
        {
            _http = http;
            Path = path;
            _resourceType = resourceType;
            _requestType = requestType;
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
            _http.ItemsAsync(Path + (query ?? new ListQuery()).ToQueryString(), "items", _resourceType, cancellationToken);

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
        private async Task<TResource> GetFirstItemAsync(string path, CancellationToken cancellationToken)
        {
            var answer = await _http.SendAsync(HttpMethod.Get, path, PlatformJsonContext.Default.JsonObject, cancellationToken).ConfigureAwait(false);
            var item = answer["items"] is System.Text.Json.Nodes.JsonArray items ? items.Count > 0 ? items[0] : null : answer;
            if (item is null)
            {
                throw new Errors.PlatformException(404, null, "Not Found", "The platform answered with no item for " + path + ".", null, "GET", _http.PathOf(path));
            }

            return LenientJson.Read(item, _resourceType);
        }
    }
}
