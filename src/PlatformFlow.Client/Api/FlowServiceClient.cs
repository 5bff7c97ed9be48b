using System.Net.Http;
using System.Text.Json.Nodes;
using PlatformFlow.Client.Caching;
using PlatformFlow.Client.Errors;
using PlatformFlow.Client.Http;
using PlatformFlow.Client.Json;
using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.Api
{
    /// <summary>Flow Service (<c>/data/foundation/flowservice</c>): connections, specs, explore, flows and runs.</summary>
    public sealed class FlowServiceClient
    {
        public const string BasePath = "/data/foundation/flowservice";

        private readonly PlatformHttp _http;

        // Specs are the platform's catalogue: they do not change during a session, and bulk onboarding asks for the
        // same few again and again.
        private readonly AsyncCache<ConnectionSpec> _connectionSpecs = new AsyncCache<ConnectionSpec>();
        private readonly AsyncCache<FlowSpec> _flowSpecs = new AsyncCache<FlowSpec>();
        private readonly AsyncCache<IReadOnlyList<FlowSpec>> _allFlowSpecs = new AsyncCache<IReadOnlyList<FlowSpec>>();

        // A table's columns do not change within a run; bulk onboarding reads the same table for every row.
        private readonly AsyncCache<TableDetails> _tables;

        public FlowServiceClient(PlatformHttp http, ReadCachePolicy reads)
        {
            _http = http;
            _tables = reads.NewCache<TableDetails>();
            var json = PlatformJsonContext.Default;
            BaseConnections = new FlowServiceCollection<BaseConnection, BaseConnectionRequest>(http, "/connections", () => json.BaseConnection, () => json.BaseConnectionRequest, () => json.ListPageBaseConnection, reads);
            SourceConnections = new FlowServiceCollection<SourceConnection, SourceConnectionRequest>(http, "/sourceConnections", () => json.SourceConnection, () => json.SourceConnectionRequest, () => json.ListPageSourceConnection, reads);
            TargetConnections = new FlowServiceCollection<TargetConnection, TargetConnectionRequest>(http, "/targetConnections", () => json.TargetConnection, () => json.TargetConnectionRequest, () => json.ListPageTargetConnection, reads);
            Flows = new FlowServiceCollection<Dataflow, DataflowRequest>(http, "/flows", () => json.Dataflow, () => json.DataflowRequest, () => json.ListPageDataflow, reads);
            Runs = new FlowServiceCollection<FlowRun, FlowRunRequest>(http, "/runs", () => json.FlowRun, () => json.FlowRunRequest, () => json.ListPageFlowRun, reads);
        }

        public FlowServiceCollection<BaseConnection, BaseConnectionRequest> BaseConnections { get; }

        public FlowServiceCollection<SourceConnection, SourceConnectionRequest> SourceConnections { get; }

        public FlowServiceCollection<TargetConnection, TargetConnectionRequest> TargetConnections { get; }

        public FlowServiceCollection<Dataflow, DataflowRequest> Flows { get; }

        public FlowServiceCollection<FlowRun, FlowRunRequest> Runs { get; }

        // ---- connection specs ----

        public IAsyncEnumerable<ConnectionSpec> ListConnectionSpecsAsync(ListQuery? query = null, CancellationToken cancellationToken = default) =>
            _http.PagesAsync<ListPage<ConnectionSpec>, ConnectionSpec>(
                "/connectionSpecs" + (query ?? new ListQuery()).ToQueryString(),
                PlatformJsonContext.Default.ListPageConnectionSpec,
                (page, _) => (page.Items, _http.ResolveNextLink(page.Links?.Next?.Href)),
                cancellationToken);

        public Task<ConnectionSpec> GetConnectionSpecAsync(string id, CancellationToken cancellationToken = default) =>
            _connectionSpecs.GetAsync(id, cancel => GetFirstAsync(
                "/connectionSpecs/" + Uri.EscapeDataString(id), PlatformJsonContext.Default.ListPageConnectionSpec, "connection spec " + id, cancel), cancellationToken);

        /// <summary>The connection spec of this name (case-insensitive), e.g. <c>shopify</c>; null when there is none.</summary>
        public async Task<ConnectionSpec?> FindConnectionSpecByNameAsync(string name, CancellationToken cancellationToken = default)
        {
            await foreach (var spec in ListConnectionSpecsAsync(ListQuery.Where("name==" + ListQuery.Quote(name)), cancellationToken).ConfigureAwait(false))
            {
                if (string.Equals(spec.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    return spec;
                }
            }

            return null;
        }

        // ---- explore ----

        public Task<IReadOnlyList<ExploreItem>> ExploreRootAsync(string baseConnectionId, CancellationToken cancellationToken = default) =>
            ExploreItemsAsync(ExplorePath(baseConnectionId) + "?objectType=root", cancellationToken);

        /// <summary>
        /// Where a file source is explored: its base connection, or, for a source that has none (the Data Landing Zone), its
        /// connection spec (<c>/connectionSpecs/{id}/explore</c>, as the platform's guide for it shows).
        /// </summary>
        public static string FileExplorePath(string? baseConnectionId, string? connectionSpecId) =>
            string.IsNullOrEmpty(baseConnectionId)
                ? "/connectionSpecs/" + Uri.EscapeDataString(connectionSpecId ?? string.Empty) + "/explore"
                : ExplorePath(baseConnectionId!);

        /// <summary>The folders and files of a folder of a file source (<c>objectType=folder</c>), or of its root when <paramref name="folder"/> is null.</summary>
        public Task<IReadOnlyList<ExploreItem>> ExploreFolderAsync(string explorePath, string? folder, CancellationToken cancellationToken = default) =>
            ExploreItemsAsync(explorePath + (folder is null ? "?objectType=root" : "?objectType=folder&object=" + Uri.EscapeDataString(folder)), cancellationToken);

        /// <summary>A file's columns (and rows with <paramref name="preview"/>), read as <paramref name="fileType"/> (<c>objectType=file</c>).</summary>
        public Task<TableDetails> ExploreFileAsync(string explorePath, string path, string fileType, bool preview, CancellationToken cancellationToken = default) =>
            _http.SendAsync(
                HttpMethod.Get,
                explorePath + "?objectType=file&object=" + Uri.EscapeDataString(path) + "&fileType=" + Uri.EscapeDataString(fileType) + (preview ? "&preview=true" : string.Empty),
                PlatformJsonContext.Default.TableDetails,
                cancellationToken);

        private async Task<IReadOnlyList<ExploreItem>> ExploreItemsAsync(string path, CancellationToken cancellationToken)
        {
            var answer = await _http.SendAsync(HttpMethod.Get, path, PlatformJsonContext.Default.JsonNode, cancellationToken).ConfigureAwait(false);
            var items = answer is System.Text.Json.Nodes.JsonObject obj && obj["items"] is System.Text.Json.Nodes.JsonArray wrapped ? wrapped : answer as System.Text.Json.Nodes.JsonArray;
            return items is null
                ? Array.Empty<ExploreItem>()
                : System.Text.Json.JsonSerializer.Deserialize(items, PlatformJsonContext.Default.ListExploreItem) ?? new List<ExploreItem>();
        }

        /// <summary><c>GET /connections/{id}/test</c>: whether the source accepts the base connection's credentials.</summary>
        public async Task<bool> TestBaseConnectionAsync(string baseConnectionId, CancellationToken cancellationToken = default)
        {
            var answer = await _http.SendAsync(HttpMethod.Get, "/connections/" + Uri.EscapeDataString(baseConnectionId) + "/test", PlatformJsonContext.Default.JsonObject, cancellationToken).ConfigureAwait(false);
            return answer["result"] is JsonValue result && result.TryGetValue<bool>(out var accepted) && accepted;
        }

        public Task<TableDetails> ExploreTableAsync(string baseConnectionId, string table, bool preview, CancellationToken cancellationToken = default) =>
            _http.SendAsync(
                HttpMethod.Get,
                ExplorePath(baseConnectionId) + "?objectType=table&object=" + Uri.EscapeDataString(table) + (preview ? "&preview=true" : string.Empty),
                PlatformJsonContext.Default.TableDetails,
                cancellationToken);

        /// <summary>A table's columns (<paramref name="describe"/>: explore without preview), shared by the context for a short while.</summary>
        public Task<TableDetails> GetTableCachedAsync(string baseConnectionId, string table, Func<CancellationToken, Task<TableDetails>> describe, CancellationToken cancellationToken) =>
            _tables.GetAsync(baseConnectionId + "|" + table, describe, cancellationToken);

        // ---- flow specs ----

        public IAsyncEnumerable<FlowSpec> ListFlowSpecsAsync(ListQuery? query = null, CancellationToken cancellationToken = default) =>
            _http.PagesAsync<ListPage<FlowSpec>, FlowSpec>(
                "/flowSpecs" + (query ?? new ListQuery()).ToQueryString(),
                PlatformJsonContext.Default.ListPageFlowSpec,
                (page, _) => (page.Items, _http.ResolveNextLink(page.Links?.Next?.Href)),
                cancellationToken);

        /// <summary>
        /// <c>GET /flowSpecs?limit=1</c>, its answer unread: a cheap call in the sandbox that proves the token and the sandbox
        /// (sign-in). Reading the page would build the flow specs' JSON metadata, which a new session rarely needs first.
        /// </summary>
        public Task ProveAccessAsync(CancellationToken cancellationToken) =>
            _http.SendAsync(HttpMethod.Get, "/flowSpecs" + new ListQuery { Limit = 1 }.ToQueryString(), cancellationToken);

        public Task<FlowSpec> GetFlowSpecAsync(string id, CancellationToken cancellationToken = default) =>
            _flowSpecs.GetAsync(id, cancel => GetFirstAsync(
                "/flowSpecs/" + Uri.EscapeDataString(id), PlatformJsonContext.Default.ListPageFlowSpec, "flow spec " + id, cancel), cancellationToken);

        /// <summary><c>GET /flowSpecs?property=name=="CRMToAEP"</c>; null when there is none.</summary>
        public async Task<FlowSpec?> FindFlowSpecByNameAsync(string name, CancellationToken cancellationToken = default)
        {
            await foreach (var spec in ListFlowSpecsAsync(ListQuery.Where("name==" + ListQuery.Quote(name)), cancellationToken).ConfigureAwait(false))
            {
                if (string.Equals(spec.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    return spec;
                }
            }

            return null;
        }

        /// <summary>
        /// The flow specs that accept sources of this connection spec (and, if given, targets of that one), from the
        /// catalogue listed once per session.
        /// </summary>
        public async Task<IReadOnlyList<FlowSpec>> FindFlowSpecsForAsync(string sourceConnectionSpecId, string? targetConnectionSpecId, CancellationToken cancellationToken = default)
        {
            var all = await _allFlowSpecs.GetAsync(string.Empty, async cancel =>
            {
                var specs = new List<FlowSpec>();
                await foreach (var spec in ListFlowSpecsAsync(null, cancel).ConfigureAwait(false))
                {
                    specs.Add(spec);
                }

                return specs;
            }, cancellationToken).ConfigureAwait(false);
            return all.Where(spec => spec.SourceConnectionSpecIds.Contains(sourceConnectionSpecId, StringComparer.OrdinalIgnoreCase)
                    && (targetConnectionSpecId is null || spec.TargetConnectionSpecIds.Contains(targetConnectionSpecId, StringComparer.OrdinalIgnoreCase)))
                .ToList();
        }

        // ---- flows ----

        /// <summary>
        /// Everything the platform would reject in <paramref name="request"/>, found with reads only; empty when the flow can
        /// be created. The schedule and transformations are checked first, against the (cached) flow spec, so those mistakes
        /// are caught without asking for the connections.
        /// </summary>
        /// <param name="knownSpecIds">Connection spec ids already known by connection id (e.g. of connections a -WhatIf run
        /// only planned); planned connections not in it are not checked.</param>
        public async Task<IReadOnlyList<string>> ValidateDataflowAsync(DataflowRequest request, IReadOnlyDictionary<string, string>? knownSpecIds = null, CancellationToken cancellationToken = default)
        {
            var flowSpec = await GetFlowSpecAsync(request.FlowSpec.Id, cancellationToken).ConfigureAwait(false);
            var specProblems = DataflowPreflight.CheckAgainstSpec(request, flowSpec);
            if (specProblems.Count > 0)
            {
                return specProblems;
            }

            var sources = await SpecIdsOfAsync(request.SourceConnectionIds, knownSpecIds, id => SourceConnections.GetCachedAsync(id, cancellationToken), s => s.ConnectionSpec?.Id).ConfigureAwait(false);
            var targets = await SpecIdsOfAsync(request.TargetConnectionIds, knownSpecIds, id => TargetConnections.GetCachedAsync(id, cancellationToken), t => t.ConnectionSpec?.Id).ConfigureAwait(false);
            return DataflowPreflight.CheckConnections(request, flowSpec, sources, targets);
        }

        /// <summary>
        /// What the flow spec's <c>scheduleSpec</c> refuses in <paramref name="schedule"/>; empty when it accepts it. The
        /// one check of a schedule: every path that writes one (a new flow through <see cref="ValidateDataflowAsync"/>, a
        /// changed or imported flow directly) ends here, and no rule of it is written out by hand.
        /// </summary>
        public async Task<IReadOnlyList<string>> ValidateScheduleAsync(string flowSpecId, ScheduleParams schedule, CancellationToken cancellationToken = default) =>
            DataflowPreflight.CheckSchedule(schedule, await GetFlowSpecAsync(flowSpecId, cancellationToken).ConfigureAwait(false));

        /// <summary>
        /// What the flow spec's <c>runSpec</c> refuses in an on-demand run's <paramref name="parameters"/>; empty when it
        /// accepts them. The one check of a run's params, for every path that starts a run.
        /// </summary>
        public async Task<IReadOnlyList<string>> ValidateRunAsync(string flowSpecId, JsonObject parameters, CancellationToken cancellationToken = default) =>
            DataflowPreflight.CheckRunParams(parameters, await GetFlowSpecAsync(flowSpecId, cancellationToken).ConfigureAwait(false));

        /// <summary><c>POST /flows/{id}/action?op=enable|disable</c>.</summary>
        public async Task<ResourceWriteResult> SetFlowEnabledAsync(string flowId, bool enabled, CancellationToken cancellationToken = default)
        {
            try
            {
                return await _http.SendAsync(HttpMethod.Post, Flows.ItemPath(flowId) + "/action?op=" + (enabled ? "enable" : "disable"), new System.Text.Json.Nodes.JsonObject(), PlatformJsonContext.Default.JsonObject, PlatformJsonContext.Default.ResourceWriteResult, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                Flows.Changed(flowId);
            }
        }

        // ---- runs ----

        public IAsyncEnumerable<FlowRun> ListRunsOfFlowAsync(string flowId, ListQuery? query = null, CancellationToken cancellationToken = default)
        {
            var filtered = new ListQuery { Limit = query?.Limit, OrderBy = query?.OrderBy };
            filtered.Properties.Add("flowId==" + flowId);
            if (query != null)
            {
                filtered.Properties.AddRange(query.Properties);
            }

            return Runs.ListAsync(filtered, cancellationToken);
        }

        /// <summary><c>POST /runs</c>: an on-demand run over a window (epoch seconds).</summary>
        public Task<ResourceWriteResult> StartRunAsync(FlowRunRequest request, CancellationToken cancellationToken = default) =>
            Runs.CreateAsync(request, cancellationToken);

        /// <summary><c>POST /runs/{id}/action?op=RE_TRIGGER</c>.</summary>
        public Task<ResourceWriteResult> RetriggerRunAsync(string runId, CancellationToken cancellationToken = default) =>
            _http.SendAsync(HttpMethod.Post, Runs.ItemPath(runId) + "/action?op=RE_TRIGGER", new System.Text.Json.Nodes.JsonObject(), PlatformJsonContext.Default.JsonObject, PlatformJsonContext.Default.ResourceWriteResult, cancellationToken);

        private static string ExplorePath(string baseConnectionId) => "/connections/" + Uri.EscapeDataString(baseConnectionId) + "/explore";

        private async Task<T> GetFirstAsync<T>(string path, System.Text.Json.Serialization.Metadata.JsonTypeInfo<ListPage<T>> pageType, string what, CancellationToken cancellationToken)
        {
            var page = await _http.SendAsync(HttpMethod.Get, path, pageType, cancellationToken).ConfigureAwait(false);
            return page.Items.Count > 0
                ? page.Items[0]
                : throw new PlatformException(404, null, "Not Found", "No " + what + ".", null, "GET", _http.PathOf(path));
        }

        private static async Task<IReadOnlyDictionary<string, string?>> SpecIdsOfAsync<T>(IEnumerable<string> ids, IReadOnlyDictionary<string, string>? known, Func<string, Task<T>> get, Func<T, string?> specOf)
        {
            var result = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var id in ids.Distinct())
            {
                if (known != null && known.TryGetValue(id, out var knownSpec))
                {
                    result[id] = knownSpec;
                    continue;
                }

                if (Planned.IsPlanned(id))
                {
                    continue;
                }

                try
                {
                    result[id] = specOf(await get(id).ConfigureAwait(false));
                }
                catch (PlatformException ex) when (ex.StatusCode == 404)
                {
                    result[id] = null;
                }
            }

            return result;
        }
    }
}
