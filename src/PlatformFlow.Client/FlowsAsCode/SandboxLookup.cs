using System.Collections.Concurrent;
using PlatformFlow.Client.Api;
using PlatformFlow.Client.Errors;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Parts;

namespace PlatformFlow.Client.FlowsAsCode
{
    /// <summary>What a name found in a sandbox: the resources of that name (none, one, or several that share it).</summary>
    public sealed class NamedResources<T>(string kind, string name, IReadOnlyList<T> found, Func<T, string> idOf, string? mappedId = null)
    {
        /// <summary>e.g. <c>base connection</c>.</summary>
        public string Kind { get; } = kind;

        public string Name { get; } = name;

        public IReadOnlyList<T> Found { get; } = found;

        public Func<T, string> IdOf { get; } = idOf;

        /// <summary>The id the caller mapped the name to, when it did.</summary>
        public string? MappedId { get; } = mappedId;

        /// <summary>The one resource of that name, or null (with <see cref="Problem"/> saying why).</summary>
        public T? Single => Found.Count == 1 ? Found[0] : default;

        public bool IsMissing => Found.Count == 0;

        /// <summary>Why there is no single resource; null when there is one.</summary>
        public string? Problem => Found.Count == 1 ? null
            : Found.Count == 0 ? Kind + " '" + Name + "'" + (MappedId is null ? string.Empty : " (mapped to id " + MappedId + ")")
            : Found.Count + " " + Kind + "s are named '" + Name + "' (" + string.Join(", ", Found.Select(IdOf)) + ")";
    }

    /// <summary>
    /// Finds a sandbox's resources by name, by the one rule of names (<see cref="PartKey"/>): the lookups flows as code
    /// resolve a definition with. A flow and its connections come from the context's name indexes, as the pipeline's do;
    /// what they refer to is listed narrowed by the platform's filter. Names are the identity of a flow and of what it
    /// refers to across sandboxes, where every id differs.
    /// </summary>
    public sealed class SandboxLookup(PlatformClient client)
    {
        private readonly PlatformClient _client = client;

        // What flows refer to (specs, base connections, datasets, schemas) does not change while one import plans, and its
        // definitions name the same few again and again: each is looked up once per lookup instance, by plans running at
        // once too.
        private readonly ConcurrentDictionary<string, Lazy<Task<object>>> _references = new ConcurrentDictionary<string, Lazy<Task<object>>>(PartKey.Comparer);

        /// <summary>The flows of this name, from the context's name index (which every write of this module keeps current).</summary>
        public async Task<NamedResources<Dataflow>> FlowsAsync(string name, CancellationToken cancellationToken) =>
            new NamedResources<Dataflow>(FlowPart.Kind, name, await _client.FlowService.Flows.Names.FindAsync(name, cancellationToken).ConfigureAwait(false), f => f.Id);

        public Task<NamedResources<BaseConnection>> BaseConnectionsAsync(string name, CancellationToken cancellationToken) =>
            OnceAsync("base connection", name, async () =>
                new NamedResources<BaseConnection>("base connection", name, await NamedAsync(_client.FlowService.BaseConnections.ListAsync(ByName("name", name), cancellationToken), c => c.Name, name).ConfigureAwait(false), c => c.Id));

        public async Task<NamedResources<SourceConnection>> SourceConnectionsAsync(string name, CancellationToken cancellationToken) =>
            new NamedResources<SourceConnection>(SourceConnectionPart.Kind, name, await _client.FlowService.SourceConnections.Names.FindAsync(name, cancellationToken).ConfigureAwait(false), c => c.Id);

        public async Task<NamedResources<TargetConnection>> TargetConnectionsAsync(string name, CancellationToken cancellationToken) =>
            new NamedResources<TargetConnection>(TargetConnectionPart.Kind, name, await _client.FlowService.TargetConnections.Names.FindAsync(name, cancellationToken).ConfigureAwait(false), c => c.Id);

        /// <summary>Whether any flow lists <paramref name="id"/> in <paramref name="flowMember"/> (<c>sourceConnectionIds</c>, <c>targetConnectionIds</c>).</summary>
        public async Task<bool> UsedByAnyFlowAsync(string flowMember, string id, CancellationToken cancellationToken)
        {
            var query = ListQuery.Where(flowMember + "[]==" + ListQuery.Quote(id));
            query.Limit = 1;
            await foreach (var _ in _client.FlowService.Flows.ListAsync(query, cancellationToken).ConfigureAwait(false))
            {
                return true;
            }

            return false;
        }

        public Task<NamedResources<Dataset>> DatasetsAsync(string name, CancellationToken cancellationToken) =>
            OnceAsync("dataset", name, async () =>
                new NamedResources<Dataset>("dataset", name, await NamedAsync(_client.Catalog.ListDatasetsAsync(new[] { "property=name==" + ListQuery.Quote(name) }, cancellationToken), d => d.Name, name).ConfigureAwait(false), d => d.Id));

        /// <summary>By title: the registry keeps titles unique by the same rule.</summary>
        public Task<NamedResources<XdmSchema>> SchemasAsync(string title, CancellationToken cancellationToken) =>
            OnceAsync("schema", title, async () =>
                new NamedResources<XdmSchema>("schema", title, await NamedAsync(_client.SchemaRegistry.ListSchemasAsync(ByName("title", title), cancellationToken), s => s.Title, title).ConfigureAwait(false), s => s.Id));

        public Task<NamedResources<FlowSpec>> FlowSpecAsync(string name, CancellationToken cancellationToken) =>
            OnceAsync("flow spec", name, async () =>
                new NamedResources<FlowSpec>("flow spec", name, OneOrNone(await _client.FlowService.FindFlowSpecByNameAsync(name, cancellationToken).ConfigureAwait(false)), s => s.Id));

        public Task<NamedResources<ConnectionSpec>> ConnectionSpecAsync(string name, CancellationToken cancellationToken) =>
            OnceAsync("connection spec", name, async () =>
                new NamedResources<ConnectionSpec>("connection spec", name, OneOrNone(await _client.FlowService.FindConnectionSpecByNameAsync(name, cancellationToken).ConfigureAwait(false)), s => s.Id));

        /// <summary>A resource given by id (a -BaseConnectionMap value): itself, or none when the sandbox has no such id.</summary>
        public static async Task<NamedResources<T>> ByIdAsync<T>(string kind, string name, string id, Func<Task<T>> get, Func<T, string> idOf)
            where T : class
        {
            try
            {
                return new NamedResources<T>(kind, name, new[] { await get().ConfigureAwait(false) }, idOf, id);
            }
            catch (PlatformException missing) when (missing.StatusCode == 404)
            {
                return new NamedResources<T>(kind, name, Array.Empty<T>(), idOf, id);
            }
        }

        private async Task<NamedResources<T>> OnceAsync<T>(string kind, string name, Func<Task<NamedResources<T>>> find)
        {
            var key = kind + "\n" + name;
            var once = _references.GetOrAdd(key, _ => new Lazy<Task<object>>(async () => await find().ConfigureAwait(false)));
            try
            {
                return (NamedResources<T>)await once.Value.ConfigureAwait(false);
            }
            catch
            {
                // A failed lookup is asked again next time.
                _references.TryRemove(key, out _);
                throw;
            }
        }

        private static ListQuery ByName(string field, string name) => ListQuery.Where(field + "==" + ListQuery.Quote(name));

        private static IReadOnlyList<T> OneOrNone<T>(T? found)
            where T : class => found is null ? Array.Empty<T>() : new[] { found };

        private static async Task<IReadOnlyList<T>> NamedAsync<T>(IAsyncEnumerable<T> narrowed, Func<T, string?> nameOf, string name)
        {
            var found = new List<T>();
            await foreach (var item in narrowed.ConfigureAwait(false))
            {
                if (string.Equals(nameOf(item), name, PartKey.Comparison))
                {
                    found.Add(item);
                }
            }

            return found;
        }
    }
}
