using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using PlatformFlow.Client.Http;
using PlatformFlow.Client.Json;
using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.Api
{
    /// <summary>Data Prep (<c>/data/foundation/conversion</c>): mapping sets.</summary>
    public sealed class DataPrepClient
    {
        public const string BasePath = "/data/foundation/conversion";
        private const int PageSize = 100;

        private readonly PlatformHttp _http;

        public DataPrepClient(PlatformHttp http)
        {
            _http = http;
        }

        public Task<MappingSet> CreateMappingSetAsync(MappingSetRequest request, CancellationToken cancellationToken = default) =>
            _http.SendAsync(HttpMethod.Post, "/mappingSets", request, PlatformJsonContext.Default.MappingSetRequest, PlatformJsonContext.Default.MappingSet, cancellationToken);

        /// <summary><c>PUT /mappingSets/{id}</c>: Data Prep keeps every version and answers with the next one (the old stays readable).</summary>
        public Task<MappingSet> UpdateMappingSetAsync(string id, MappingSetRequest request, CancellationToken cancellationToken = default) =>
            _http.SendAsync(HttpMethod.Put, "/mappingSets/" + Uri.EscapeDataString(id), request, PlatformJsonContext.Default.MappingSetRequest, PlatformJsonContext.Default.MappingSet, cancellationToken);

        /// <summary><c>POST /mappingSets/validate</c>: one <c>{status, errors}</c> per mapping, in order.</summary>
        public async Task<IReadOnlyList<MappingValidation>> ValidateMappingSetAsync(MappingSetRequest request, CancellationToken cancellationToken = default)
        {
            var answer = await _http.SendAsync(HttpMethod.Post, "/mappingSets/validate", request, PlatformJsonContext.Default.MappingSetRequest, PlatformJsonContext.Default.JsonObject, cancellationToken).ConfigureAwait(false);
            var results = answer["validationResponse"] as JsonArray ?? new JsonArray();
            return request.Mappings.Select((mapping, i) => MappingValidation.From(mapping, results.Count > i ? results[i] as JsonObject : null)).ToList();
        }

        /// <summary><c>POST /mappingSets/preview</c>: the record the mapping set makes of each row, and the problems (<c>{data, errors}</c>).</summary>
        public Task<JsonObject> PreviewMappingSetAsync(MappingSetRequest request, IEnumerable<JsonObject> rows, CancellationToken cancellationToken = default)
        {
            var body = new JsonObject
            {
                ["data"] = new JsonArray(rows.Select(r => (JsonNode)r.DeepClone()).ToArray()),
                ["mappingSet"] = JsonSerializer.SerializeToNode(request, PlatformJsonContext.Default.MappingSetRequest),
            };
            return _http.SendAsync(HttpMethod.Post, "/mappingSets/preview", body, PlatformJsonContext.Default.JsonObject, PlatformJsonContext.Default.JsonObject, cancellationToken);
        }

        public Task<MappingSet> GetMappingSetAsync(string id, int? version = null, CancellationToken cancellationToken = default) =>
            _http.SendAsync(
                HttpMethod.Get,
                "/mappingSets/" + Uri.EscapeDataString(id) + (version is int v ? "?version=" + v.ToString(CultureInfo.InvariantCulture) : string.Empty),
                PlatformJsonContext.Default.MappingSet,
                cancellationToken);

        public async IAsyncEnumerable<MappingSet> ListMappingSetsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            for (var start = 0; ; start += PageSize)
            {
                var path = "/mappingSets?limit=" + PageSize.ToString(CultureInfo.InvariantCulture) + "&start=" + start.ToString(CultureInfo.InvariantCulture);
                var page = await _http.SendAsync(HttpMethod.Get, path, PlatformJsonContext.Default.DataPrepPageMappingSet, cancellationToken).ConfigureAwait(false);
                foreach (var mappingSet in page.Data)
                {
                    yield return mappingSet;
                }

                if (page.Data.Count < PageSize)
                {
                    yield break;
                }
            }
        }
    }
}
