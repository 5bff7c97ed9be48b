using System.Globalization;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using PlatformFlow.Client.Caching;
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

        // Each mapping set's latest version as last read or written here: bulk onboarding checks it for every row.
        private readonly AsyncCache<MappingSet> _latest;

        // Versions once written do not change (a change is the next version): flows that share one read it once.
        private readonly AsyncCache<MappingSet> _versions;

        public DataPrepClient(PlatformHttp http, ReadCachePolicy reads)
        {
            _http = http;
            Identical = new PartIndex<MappingSet>(ListMappingSetsAsync, ContentKey, m => m.Id, reads);
            _latest = reads.NewCache<MappingSet>();
            _versions = reads.NewCache<MappingSet>();
        }

        /// <summary>
        /// The mapping sets by content (output schema and mappings, whatever their order): a mapping set's natural key, for
        /// create-or-reuse. Listed once per run, kept current by this module's writes.
        /// </summary>
        public PartIndex<MappingSet> Identical { get; }

        /// <summary>The key of <see cref="Identical"/>: the output schema and the mappings (with their names and descriptions, when given), sorted.</summary>
        public static string ContentKey(string? schemaId, IEnumerable<Mapping> mappings) =>
            (schemaId ?? string.Empty) + "\n" + string.Join("\n", mappings
                .Select(m => m.SourceType.ToUpperInvariant() + "|" + m.Source + "|" + m.Destination
                    + (string.IsNullOrEmpty(m.Name) && string.IsNullOrEmpty(m.Description) ? string.Empty : "|" + m.Name + "|" + m.Description))
                .OrderBy(m => m, StringComparer.Ordinal));

        /// <summary>Creates, and builds the mapping set from the request and the answer (id, version, dates): one request.</summary>
        public async Task<MappingSet> CreateAndBuildMappingSetAsync(MappingSetRequest request, CancellationToken cancellationToken = default)
        {
            var answer = await CreateMappingSetAsync(request, cancellationToken).ConfigureAwait(false);
            var created = new MappingSet
            {
                Id = answer.Id,
                Version = answer.Version,
                Name = answer.Name,
                OutputSchema = request.OutputSchema,
                Mappings = new ValueList<Mapping>(request.Mappings),
                CreatedAt = answer.CreatedAt,
                UpdatedAt = answer.UpdatedAt,
                CreatedBy = answer.CreatedBy,
                ModifiedBy = answer.ModifiedBy,
            };
            Identical.Remember(created);
            _latest.Set(created.Id, created);
            return created;
        }

        public Task<MappingSet> CreateMappingSetAsync(MappingSetRequest request, CancellationToken cancellationToken = default) =>
            _http.SendAsync(HttpMethod.Post, "/mappingSets", request, PlatformJsonContext.Default.MappingSetRequest, PlatformJsonContext.Default.MappingSet, cancellationToken);

        /// <summary><c>PUT /mappingSets/{id}</c>: Data Prep keeps every version and answers with the next one (the old stays readable).</summary>
        public async Task<MappingSet> UpdateMappingSetAsync(string id, MappingSetRequest request, CancellationToken cancellationToken = default)
        {
            try
            {
                return await _http.SendAsync(HttpMethod.Put, "/mappingSets/" + Uri.EscapeDataString(id), request, PlatformJsonContext.Default.MappingSetRequest, PlatformJsonContext.Default.MappingSet, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _latest.Remove(id);
                Identical.Invalidate();
            }
        }

        /// <summary>The mapping set's latest version, shared by the context for a short while; this module's writes replace it.</summary>
        public Task<MappingSet> GetLatestMappingSetCachedAsync(string id, CancellationToken cancellationToken = default) =>
            _latest.GetAsync(id, cancel => GetMappingSetAsync(id, null, cancel), cancellationToken);

        /// <summary>
        /// That version of the mapping set (the latest when null: <see cref="GetLatestMappingSetCachedAsync"/>), shared by
        /// the context for a short while: flows that use one mapping set (an import, an export) read it once.
        /// </summary>
        public Task<MappingSet> GetMappingSetCachedAsync(string id, int? version, CancellationToken cancellationToken = default) =>
            version is int known
                ? _versions.GetAsync(id + "@" + known.ToString(CultureInfo.InvariantCulture), cancel => GetMappingSetAsync(id, known, cancel), cancellationToken)
                : GetLatestMappingSetCachedAsync(id, cancellationToken);

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

        private static string? ContentKey(MappingSet mappingSet) =>
            mappingSet.Mappings is null ? null : ContentKey(mappingSet.OutputSchema?.SchemaRef.Id, mappingSet.Mappings);

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
