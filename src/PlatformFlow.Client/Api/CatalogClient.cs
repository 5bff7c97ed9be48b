using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using PlatformFlow.Client.Errors;
using PlatformFlow.Client.Http;
using PlatformFlow.Client.Json;
using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.Api
{
    /// <summary>Catalog (<c>/data/foundation/catalog</c>): datasets. Catalog answers with objects keyed by id.</summary>
    public sealed class CatalogClient
    {
        public const string BasePath = "/data/foundation/catalog";
        private const int PageSize = 100;

        private readonly PlatformHttp _http;
        private readonly Caching.AsyncCache<Dataset> _datasets;

        public CatalogClient(PlatformHttp http, ReadCachePolicy reads)
        {
            _http = http;
            _datasets = reads.NewCache<Dataset>();
        }

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
        public async IAsyncEnumerable<Dataset> ListDatasetsAsync(IReadOnlyList<string>? filters = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            var query = filters is null || filters.Count == 0 ? string.Empty : "&" + string.Join("&", filters.Select(EscapeFilter));
            for (var start = 0; ; start += PageSize)
            {
                var path = "/dataSets?orderBy=created&limit=" + PageSize.ToString(CultureInfo.InvariantCulture) + "&start=" + start.ToString(CultureInfo.InvariantCulture) + query;
                var page = WithIds(await _http.SendAsync(HttpMethod.Get, path, PlatformJsonContext.Default.DictionaryStringDataset, cancellationToken).ConfigureAwait(false)).ToList();
                foreach (var dataset in page)
                {
                    yield return dataset;
                }

                if (page.Count < PageSize)
                {
                    yield break;
                }
            }
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

        private static IEnumerable<Dataset> WithIds(Dictionary<string, Dataset> answer)
        {
            foreach (var pair in answer)
            {
                pair.Value.Id = pair.Key;
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
