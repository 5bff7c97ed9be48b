using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using PlatformFlow.Client.Api;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Relations;

namespace PlatformFlow.Client.Completion
{
    /// <summary>
    /// The values argument completers offer, read from the platform of a signed-in context. Completion must never make
    /// the user wait or see an error: each list is bounded (<see cref="MaxCandidates"/>), fetched within
    /// <see cref="Timeout"/>, cached per context for <see cref="CacheLifetime"/>; a list not fetched in time, or whose
    /// fetch failed, is the one cached before (however old), else empty.
    /// </summary>
    public static class CompletionCandidates
    {
        public const int MaxCandidates = 500;

        public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

        public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(15);

        private static readonly ConditionalWeakTable<PlatformClient, ConcurrentDictionary<string, CachedList>> Caches = new ConditionalWeakTable<PlatformClient, ConcurrentDictionary<string, CachedList>>();

        public static IReadOnlyList<CompletionCandidate> FlowSpecs(PlatformClient client) =>
            Cached(client, "flowSpecs", c => Select(client.FlowService.ListFlowSpecsAsync(new ListQuery(), c), s => new CompletionCandidate(s.Name, s.Name + " (" + s.Id + ")")));

        public static IReadOnlyList<CompletionCandidate> ConnectionSpecs(PlatformClient client) =>
            Cached(client, "connectionSpecs", c => Select(client.FlowService.ListConnectionSpecsAsync(new ListQuery(), c), s => new CompletionCandidate(s.Name, s.Name + " (" + s.Id + ")")));

        public static IReadOnlyList<CompletionCandidate> Dataflows(PlatformClient client) =>
            Cached(client, "flows", c => Select(client.FlowService.Flows.ListAsync(new ListQuery(), c), Named));

        public static IReadOnlyList<CompletionCandidate> BaseConnections(PlatformClient client) =>
            Cached(client, "baseConnections", c => Select(client.FlowService.BaseConnections.ListAsync(new ListQuery(), c), Named));

        public static IReadOnlyList<CompletionCandidate> SourceConnections(PlatformClient client) =>
            Cached(client, "sourceConnections", c => Select(client.FlowService.SourceConnections.ListAsync(new ListQuery(), c), Named));

        public static IReadOnlyList<CompletionCandidate> TargetConnections(PlatformClient client) =>
            Cached(client, "targetConnections", c => Select(client.FlowService.TargetConnections.ListAsync(new ListQuery(), c), Named));

        public static IReadOnlyList<CompletionCandidate> Datasets(PlatformClient client) =>
            Cached(client, "datasets", c => Select(client.Catalog.ListDatasetsAsync(null, c), d => new CompletionCandidate(d.Name ?? d.Id, (d.Name ?? d.Id) + " (" + d.Id + ")")));

        /// <summary>Dataset ids (-DatasetId), each shown with its name.</summary>
        public static IReadOnlyList<CompletionCandidate> DatasetIds(PlatformClient client) =>
            Cached(client, "datasetIds", c => Select(client.Catalog.ListDatasetsAsync(null, c), d => IdNamed(d.Id, d.Name)));

        /// <summary>Flow ids (-FlowId), each shown with its name.</summary>
        public static IReadOnlyList<CompletionCandidate> DataflowIds(PlatformClient client) =>
            Cached(client, "flowIds", c => Select(client.FlowService.Flows.ListAsync(new ListQuery(), c), f => IdNamed(f.Id, f.Name)));

        /// <summary>The ids of the objects of <paramref name="kind"/> (-Id), each shown with its name; none for a kind without a listing here.</summary>
        public static IReadOnlyList<CompletionCandidate> IdsOf(PlatformClient client, ResourceKind kind)
        {
            var flowService = client.FlowService;
            switch (kind)
            {
                case ResourceKind.Dataflow:
                    return DataflowIds(client);
                case ResourceKind.Dataset:
                    return DatasetIds(client);
                case ResourceKind.FlowRun:
                    return FlowRunIds(client);
                case ResourceKind.SourceConnection:
                    return Cached(client, "sourceConnectionIds", c => Select(flowService.SourceConnections.ListAsync(new ListQuery(), c), r => IdNamed(r.Id, r.Name)));
                case ResourceKind.TargetConnection:
                    return Cached(client, "targetConnectionIds", c => Select(flowService.TargetConnections.ListAsync(new ListQuery(), c), r => IdNamed(r.Id, r.Name)));
                case ResourceKind.BaseConnection:
                    return Cached(client, "baseConnectionIds", c => Select(flowService.BaseConnections.ListAsync(new ListQuery(), c), r => IdNamed(r.Id, r.Name)));
                case ResourceKind.MappingSet:
                    return Cached(client, "mappingSetIds", c => Select(client.DataPrep.ListMappingSetsAsync(c), m => IdNamed(m.Id, m.Name)));
                case ResourceKind.XdmSchema:
                    return Cached(client, "schemaIds", c => Select(client.SchemaRegistry.ListSchemasAsync(new ListQuery(), c), s => IdNamed(s.Id, s.Title)));
                case ResourceKind.FlowSpec:
                    return Cached(client, "flowSpecIds", c => Select(flowService.ListFlowSpecsAsync(new ListQuery(), c), s => IdNamed(s.Id, s.Name)));
                case ResourceKind.ConnectionSpec:
                    return Cached(client, "connectionSpecIds", c => Select(flowService.ListConnectionSpecsAsync(new ListQuery(), c), s => IdNamed(s.Id, s.Name)));
                default:
                    return Array.Empty<CompletionCandidate>();
            }
        }

        /// <summary>The newest runs' ids (-RunId), each shown with its status and when it was created.</summary>
        public static IReadOnlyList<CompletionCandidate> FlowRunIds(PlatformClient client) =>
            Cached(client, "runIds", c => Select(
                client.FlowService.Runs.ListAsync(new ListQuery { Limit = 100, OrderBy = "-createdAt" }, c),
                r => new CompletionCandidate(r.Id, r.Id + " (" + r.Status + (r.CreatedAt is DateTimeOffset created ? ", " + created.ToString("u", System.Globalization.CultureInfo.InvariantCulture) : string.Empty) + ")")));

        public static IReadOnlyList<CompletionCandidate> XdmSchemas(PlatformClient client) =>
            Cached(client, "schemas", c => Select(client.SchemaRegistry.ListSchemasAsync(new ListQuery(), c), s => new CompletionCandidate(s.Title ?? s.Id, (s.Title ?? s.Id) + " (" + s.Id + ")")));

        public static IReadOnlyList<CompletionCandidate> Sandboxes(PlatformClient client) =>
            Cached(client, "sandboxes", c => Select(client.Sandboxes.ListSandboxesAsync(c), s => new CompletionCandidate(s.Name, s.Name + " (" + (s.Title ?? s.Name) + ", " + s.Type + ")")));

        /// <summary>The global XDM classes, as the short names -Class takes (<c>profile</c>) where they have one.</summary>
        public static IReadOnlyList<CompletionCandidate> XdmClasses(PlatformClient client) =>
            Cached(client, "classes", c => Select(client.SchemaRegistry.ListGlobalAsync(SchemaRegistryClient.GlobalClasses, c), XdmReference));

        /// <summary>The global XDM field groups, as the short names -FieldGroup takes (<c>profile-person-details</c>).</summary>
        public static IReadOnlyList<CompletionCandidate> XdmFieldGroups(PlatformClient client) =>
            Cached(client, "fieldGroups", c => Select(client.SchemaRegistry.ListGlobalAsync(SchemaRegistryClient.GlobalFieldGroups, c), XdmReference));

        /// <summary>The tables a base connection's source offers (its explore root).</summary>
        public static IReadOnlyList<CompletionCandidate> SourceTables(PlatformClient client, string baseConnectionId) =>
            Cached(client, "tables:" + baseConnectionId, async c =>
                (await client.FlowService.ExploreRootAsync(baseConnectionId, c).ConfigureAwait(false))
                    .Where(item => !string.Equals(item.Type, "folder", StringComparison.OrdinalIgnoreCase))
                    .Select(item => new CompletionCandidate(item.Path ?? item.Name, item.Name))
                    .ToList());

        /// <summary>The columns of one table of a base connection's source, with their types.</summary>
        public static IReadOnlyList<CompletionCandidate> SourceColumns(PlatformClient client, string baseConnectionId, string table) =>
            Cached(client, "columns:" + baseConnectionId + ":" + table, async c =>
                ((await client.FlowService.ExploreTableAsync(baseConnectionId, table, preview: false, c).ConfigureAwait(false)).Schema?.Columns ?? new List<SourceColumn>())
                    .Select(column => new CompletionCandidate(column.Name, column.Name + " (" + (column.Type ?? "string") + ")"))
                    .ToList());

        private static CompletionCandidate Named(FlowServiceResource resource) =>
            new CompletionCandidate(resource.Name ?? resource.Id, (resource.Name ?? resource.Id) + " (" + resource.Id + ")");

        /// <summary>An id, with its name as what is shown beside it.</summary>
        private static CompletionCandidate IdNamed(string id, string? name) => new CompletionCandidate(id, id + " (" + (name ?? "no name") + ")");

        private static CompletionCandidate XdmReference(XdmSchema resource) =>
            new CompletionCandidate(
                resource.Id.StartsWith(WellKnown.XdmNamespace, StringComparison.Ordinal) ? resource.Id.Substring(WellKnown.XdmNamespace.Length) : resource.Id,
                (resource.Title ?? resource.Id) + " (" + resource.Id + ")");

        private static async Task<IReadOnlyList<CompletionCandidate>> Select<T>(IAsyncEnumerable<T> items, Func<T, CompletionCandidate> candidate)
        {
            var list = new List<CompletionCandidate>();
            await foreach (var item in items.ConfigureAwait(false))
            {
                list.Add(candidate(item));
                if (list.Count >= MaxCandidates)
                {
                    break;
                }
            }

            return list;
        }

        private static IReadOnlyList<CompletionCandidate> Cached(PlatformClient client, string key, Func<CancellationToken, Task<IReadOnlyList<CompletionCandidate>>> fetch)
        {
            // The context's clock, as its read cache and retries use: the cache's age and the wait are in the same time.
            var clock = client.Options.Clock;
            var cache = Caches.GetOrCreateValue(client);
            if (cache.TryGetValue(key, out var cached) && clock.GetUtcNow() - cached.FetchedAt < CacheLifetime)
            {
                return cached.Candidates;
            }

            using (var timeout = clock.CreateCancellationTokenSource(Timeout))
            {
                try
                {
                    // Cancelled at the timeout (the fetch with it); a failed fetch throws its exception here.
                    var fetching = Task.Run(() => fetch(timeout.Token), timeout.Token);
                    fetching.Wait(timeout.Token);
                    var candidates = fetching.Result.Take(MaxCandidates).ToList();
                    cache[key] = new CachedList(candidates, clock.GetUtcNow());
                    return candidates;
                }
                catch (Exception)
                {
                    // A completer that is slow or fails shows what it had before, or nothing; the command itself will
                    // report the problem when run.
                    return cached?.Candidates ?? Array.Empty<CompletionCandidate>();
                }
            }
        }

        private sealed class CachedList
        {
            public CachedList(IReadOnlyList<CompletionCandidate> candidates, DateTimeOffset fetchedAt)
            {
                Candidates = candidates;
                FetchedAt = fetchedAt;
            }

            public IReadOnlyList<CompletionCandidate> Candidates { get; }

            public DateTimeOffset FetchedAt { get; }
        }
    }
}
