using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using PlatformFlow.Client.Errors;
using PlatformFlow.Client.Json;
using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.Http
{
    /// <summary>Sends JSON requests to one platform service and reads typed answers; non-success becomes <see cref="PlatformException"/>.</summary>
    public sealed class PlatformHttp
    {
        private readonly HttpClientLease _client;

        public PlatformHttp(HttpClientLease client, Uri gateway, string serviceBasePath)
        {
            _client = client;
            Gateway = gateway;
            ServiceBasePath = serviceBasePath;
        }

        public Uri Gateway { get; }

        /// <summary>e.g. <c>/data/foundation/flowservice</c>.</summary>
        public string ServiceBasePath { get; }

        public Task<TResult> SendAsync<TResult>(HttpMethod method, string path, JsonTypeInfo<TResult> resultType, CancellationToken cancellationToken, string? accept = null) =>
            ReadAsync(NewRequest(method, path, accept), resultType, static (json, type, cancellation) => JsonSerializer.DeserializeAsync(json, type, cancellation), cancellationToken);

        /// <summary>A GET whose answer <paramref name="read"/> parses (with <paramref name="state"/>), e.g. trying one shape, then another.</summary>
        public Task<TResult> GetAsync<TState, TResult>(string path, TState state, Func<Stream, TState, CancellationToken, ValueTask<TResult?>> read, CancellationToken cancellationToken) =>
            ReadAsync(NewRequest(HttpMethod.Get, path, null), state, read, cancellationToken);

        public Task<TResult> SendAsync<TBody, TResult>(HttpMethod method, string path, TBody body, JsonTypeInfo<TBody> bodyType, JsonTypeInfo<TResult> resultType, CancellationToken cancellationToken, string? ifMatch = null) =>
            SendWithHeaderAsync(method, path, body, bodyType, resultType, "If-Match", ifMatch, cancellationToken);

        /// <summary>A request with a JSON body and one header of its own when <paramref name="value"/> is not null (If-Match, x-adobe-flow-id).</summary>
        public Task<TResult> SendWithHeaderAsync<TBody, TResult>(HttpMethod method, string path, TBody body, JsonTypeInfo<TBody> bodyType, JsonTypeInfo<TResult> resultType, string header, string? value, CancellationToken cancellationToken)
        {
            var request = NewRequest(method, path, null);
            request.Content = JsonContent(body, bodyType);
            if (value != null)
            {
                request.Headers.TryAddWithoutValidation(header, value);
            }

            return ReadAsync(request, resultType, static (json, type, cancellation) => JsonSerializer.DeserializeAsync(json, type, cancellation), cancellationToken);
        }

        /// <summary>A call whose answer has no body we need (DELETE, actions).</summary>
        public async Task SendAsync(HttpMethod method, string path, CancellationToken cancellationToken)
        {
            using var request = NewRequest(method, path, null);
            using var response = await _client.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            await EnsureSuccessAsync(response).ConfigureAwait(false);
        }

        /// <summary>
        /// Walks a paged list, yielding items as each page arrives (memory stays flat). <paramref name="readPage"/> gives a
        /// page's items and the next page's path (null on the last page).
        /// </summary>
        public async IAsyncEnumerable<TItem> PagesAsync<TPage, TItem>(
            string firstPath,
            JsonTypeInfo<TPage> pageType,
            Func<TPage, string, (IEnumerable<TItem> Items, string? Next)> readPage,
            [EnumeratorCancellation] CancellationToken cancellationToken,
            string? accept = null)
        {
            var path = firstPath;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (path != null)
            {
                if (!seen.Add(path))
                {
                    throw new InvalidOperationException("The platform returned the same next-page link twice (" + path + "); stopping to avoid an endless list.");
                }

                var page = await SendAsync(HttpMethod.Get, path, pageType, cancellationToken, accept).ConfigureAwait(false);
                var (items, next) = readPage(page, path);
                foreach (var item in items)
                {
                    yield return item;
                }

                path = next;
            }
        }

        /// <summary>
        /// Walks a paged list whose items sit in <paramref name="itemsMember"/> of each page (<c>items</c>, <c>results</c>),
        /// reading each item on its own (<see cref="LenientJson"/>): an item with a field the client cannot read is still
        /// listed, without that field, and the rest of the page and the listing go on.
        /// </summary>
        public IAsyncEnumerable<TItem> ItemsAsync<TItem>(string firstPath, string itemsMember, JsonTypeInfo<TItem> itemType, CancellationToken cancellationToken, string? accept = null)
            where TItem : PlatformModel =>
            PagesAsync<JsonObject, TItem>(
                firstPath,
                PlatformJsonContext.Default.JsonObject,
                (page, _) => (
                    (page[itemsMember] as JsonArray ?? new JsonArray()).Select(item => LenientJson.Read(item, itemType)).ToList(),
                    ResolveNextLink(((page["_links"] as JsonObject)?["next"] as JsonObject)?["href"] is JsonValue href && href.TryGetValue<string>(out var next) ? next : null)),
                cancellationToken,
                accept);

        /// <summary>
        /// A <c>_links.next.href</c> as a path under the gateway: the platform gives it relative to the service
        /// (<c>/flows?continuationToken=…</c>) or, in places, with the service's base path or a full URL.
        /// </summary>
        public string? ResolveNextLink(string? href)
        {
            if (string.IsNullOrEmpty(href))
            {
                return null;
            }

            if (Uri.TryCreate(href, UriKind.Absolute, out var absolute) && (absolute.Scheme == Uri.UriSchemeHttp || absolute.Scheme == Uri.UriSchemeHttps))
            {
                return absolute.PathAndQuery;
            }

            return href!.StartsWith(ServiceBasePath + "/", StringComparison.Ordinal) ? href : ServiceBasePath + "/" + href.TrimStart('/');
        }

        public string PathOf(string relative) => ServiceBasePath + relative;

        private HttpRequestMessage NewRequest(HttpMethod method, string path, string? accept)
        {
            var fullPath = path.StartsWith(ServiceBasePath, StringComparison.Ordinal) || path.StartsWith("/ims/", StringComparison.Ordinal) ? path : ServiceBasePath + path;
            var request = new HttpRequestMessage(method, new Uri(Gateway, fullPath));
            request.Headers.TryAddWithoutValidation("Accept", accept ?? "application/json");
            return request;
        }

        /// <summary>
        /// Sends <paramref name="request"/> (and disposes it) and reads the answer with <paramref name="read"/>, as it
        /// streams in (no buffered copy) and without a DOM; one async step per call and no closures, since every platform
        /// call goes through here.
        /// </summary>
        private async Task<TResult> ReadAsync<TState, TResult>(HttpRequestMessage request, TState state, Func<Stream, TState, CancellationToken, ValueTask<TResult?>> read, CancellationToken cancellationToken)
        {
            using (request)
            using (var response = await _client.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false))
            {
                await EnsureSuccessAsync(response).ConfigureAwait(false);
                try
                {
                    var json = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
                    return await read(json, state, cancellationToken).ConfigureAwait(false)
                        ?? throw new JsonException("The answer was JSON null.");
                }
                catch (JsonException ex)
                {
                    throw new PlatformException((int)response.StatusCode, null, "Unreadable answer", "The answer to " + request.Method + " " + request.RequestUri?.AbsolutePath + " is not the expected JSON: " + ex.Message, RequestIdOf(response), request.Method.Method, request.RequestUri?.AbsolutePath ?? "?");
                }
            }
        }

        private static Task EnsureSuccessAsync(HttpResponseMessage response) =>
            response.IsSuccessStatusCode ? Task.CompletedTask : ThrowFromAsync(response);

        private static async Task ThrowFromAsync(HttpResponseMessage response) =>
            throw await PlatformException.FromResponseAsync(response).ConfigureAwait(false);

        private static string? RequestIdOf(HttpResponseMessage response) =>
            response.Headers.TryGetValues("x-request-id", out var values) ? string.Join(",", values) : null;

        private static ByteArrayContent JsonContent<TBody>(TBody body, JsonTypeInfo<TBody> bodyType)
        {
            var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, bodyType));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return content;
        }
    }
}
