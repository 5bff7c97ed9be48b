using System.Globalization;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization.Metadata;
using PlatformFlow.Client.Errors;
using PlatformFlow.Client.Http;
using PlatformFlow.Client.Json;
using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.Api
{
    /// <summary>Catalog (<c>/data/foundation/catalog</c>): datasets and batches. Catalog answers with objects keyed by id.</summary>
    public sealed class CatalogClient(PlatformHttp http, ReadCachePolicy reads)
    {
        public const string BasePath = "/data/foundation/catalog";
        private const int PageSize = 100;

        private readonly PlatformHttp _http = http;
        private readonly Caching.AsyncCache<Dataset> _datasets = reads.NewCache<Dataset>();

        /// <summary>Creates a dataset and returns its id, read from the answer <c>["@/dataSets/{id}"]</c>.</summary>
        public async Task<string> CreateDatasetAsync(DatasetRequest request, CancellationToken cancellationToken = default)
        {
            var answer = await _http.SendAsync(HttpMethod.Post, "/dataSets", request, PlatformJsonContext.Default.DatasetRequest, PlatformJsonContext.Default.ListString, cancellationToken).ConfigureAwait(false);
            return DatasetIdFromReference(answer.FirstOrDefault())
                ?? throw new PlatformException(201, null, "Unreadable answer", "Catalog created the dataset but answered without an \"@/dataSets/{id}\" reference.", null, "POST", _http.PathOf("/dataSets"));
        }

        /// <summary><c>@/dataSets/5fa9c083de62e418dd170b42</c> → <c>5fa9c083de62e418dd170b42</c>.</summary>
        public static string? DatasetIdFromReference(string? reference)
        {
            const string prefix = "@/dataSets/";
            return reference != null && reference.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && reference.Length > prefix.Length
                ? reference.Substring(prefix.Length)
                : null;
        }

        public async Task<Dataset> GetDatasetAsync(string id, CancellationToken cancellationToken = default)
        {
            var answer = await _http.SendAsync(HttpMethod.Get, DatasetPath(id), PlatformJsonContext.Default.DictionaryStringDataset, cancellationToken).ConfigureAwait(false);
            return WithIds(answer).FirstOrDefault()
                ?? throw new PlatformException(404, null, "Not Found", "Catalog has no dataset " + id + ".", null, "GET", _http.PathOf(DatasetPath(id)));
        }

        /// <summary>A dataset shared by the context for a short while (its schema does not change within a run).</summary>
        public Task<Dataset> GetDatasetCachedAsync(string id, CancellationToken cancellationToken = default) =>
            _datasets.GetAsync(id, cancel => GetDatasetAsync(id, cancel), cancellationToken);

        /// <summary>Lists datasets page by page (<c>start</c>/<c>limit</c>); <paramref name="filters"/> are Catalog query parameters such as <c>name=x</c> or <c>property=...</c>.</summary>
        public IAsyncEnumerable<Dataset> ListDatasetsAsync(IReadOnlyList<string>? filters = null, CancellationToken cancellationToken = default) =>
            KeyedPagesAsync(
                "/dataSets?orderBy=created" + (filters is null || filters.Count == 0 ? string.Empty : "&" + string.Join("&", filters.Select(EscapeFilter))),
                PlatformJsonContext.Default.DictionaryStringDataset,
                (dataset, id) => dataset.Id = id,
                cancellationToken);

        /// <summary>
        /// A dataset's batches, newest first, page by page (<c>GET /batches?dataSet=…&amp;orderBy=desc:created</c>, with
        /// <c>status</c> and <c>createdAfter</c> (epoch ms) when given).
        /// </summary>
        public IAsyncEnumerable<Batch> ListBatchesAsync(string datasetId, string? status = null, DateTimeOffset? createdAfter = null, CancellationToken cancellationToken = default) =>
            KeyedPagesAsync(
                "/batches?dataSet=" + Uri.EscapeDataString(datasetId) + "&orderBy=desc:created"
                    + (status is null ? string.Empty : "&status=" + Uri.EscapeDataString(status))
                    + (createdAfter is DateTimeOffset after ? "&createdAfter=" + after.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) : string.Empty),
                PlatformJsonContext.Default.DictionaryStringBatch,
                (batch, id) => batch.Id = id,
                cancellationToken);

        /// <summary><c>GET /batches/{id}</c>, answered as <c>{"&lt;id&gt;": {...}}</c>.</summary>
        public async Task<Batch> GetBatchAsync(string id, CancellationToken cancellationToken = default)
        {
            var path = "/batches/" + Uri.EscapeDataString(id);
            var answer = await _http.SendAsync(HttpMethod.Get, path, PlatformJsonContext.Default.DictionaryStringBatch, cancellationToken).ConfigureAwait(false);
            return WithIds(answer).FirstOrDefault()
                ?? throw new PlatformException(404, null, "Not Found", "Catalog has no batch " + id + ".", null, "GET", _http.PathOf(path));
        }

        public async Task DeleteDatasetAsync(string id, CancellationToken cancellationToken = default)
        {
            try
            {
                await _http.SendAsync(HttpMethod.Delete, DatasetPath(id), cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _datasets.Remove(id);
            }
        }

        private static IEnumerable<Dataset> WithIds(Dictionary<string, Dataset> answer) => WithIds(answer, (dataset, id) => dataset.Id = id);

        private static IEnumerable<Batch> WithIds(Dictionary<string, Batch> answer) => WithIds(answer, (batch, id) => batch.Id = id);

        /// <summary>A Catalog listing page by page (<c>start</c>/<c>limit</c>); <paramref name="path"/> has its own query already.</summary>
        private async IAsyncEnumerable<T> KeyedPagesAsync<T>(string path, JsonTypeInfo<Dictionary<string, T>> pageType, Action<T, string> setId, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            for (var start = 0; ; start += PageSize)
            {
                var pagePath = path + "&limit=" + PageSize.ToString(CultureInfo.InvariantCulture) + "&start=" + start.ToString(CultureInfo.InvariantCulture);
                var page = WithIds(await _http.SendAsync(HttpMethod.Get, pagePath, pageType, cancellationToken).ConfigureAwait(false), setId).ToList();
                foreach (var item in page)
                {
                    yield return item;
                }

                if (page.Count < PageSize)
                {
                    yield break;
                }
            }
        }

        /// <summary>Catalog's objects keyed by id, each given its key as its id.</summary>
        private static IEnumerable<T> WithIds<T>(Dictionary<string, T> answer, Action<T, string> setId)
        {
            foreach (var pair in answer)
            {
                setId(pair.Value, pair.Key);
                yield return pair.Value;
            }
        }

        private static string EscapeFilter(string filter)
        {
            var equals = filter.IndexOf('=');
            return equals < 0 ? Uri.EscapeDataString(filter) : Uri.EscapeDataString(filter.Substring(0, equals)) + "=" + Uri.EscapeDataString(filter.Substring(equals + 1));
        }

        private static string DatasetPath(string id) => "/dataSets/" + Uri.EscapeDataString(id);
    }
}
