using PlatformFlow.Client.Api;
using PlatformFlow.Client.Errors;
using PlatformFlow.Client.FlowsAsCode;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Relations;
using PlatformFlow.Shared;

namespace PlatformFlow.Client.Lookup
{
    /// <summary>
    /// Names where ids go: text given for an id that does not have the shape of that kind's id (<see cref="IdShapes"/>) is
    /// taken as an exact name and looked up. One match is its id; none is a <see cref="ResourceNotFoundException"/> with
    /// the closest names; several is an <see cref="AmbiguousNameException"/> naming each id, so nothing is done.
    /// </summary>
    public static class ResourceIds
    {
        // One listing of a kind's names, for the suggestions of a name that matches nothing.
        private const int ListingPageSize = 1000;

        /// <summary>True when the kind's objects have names a person gives (runs and batches have none).</summary>
        public static bool IsNamed(ResourceKind kind) => kind != ResourceKind.FlowRun && kind != ResourceKind.Batch;

        /// <summary>True when <paramref name="text"/> has the shape of an id of <paramref name="kind"/>.</summary>
        public static bool HasIdShape(ResourceKind kind, string text)
        {
            switch (kind)
            {
                case ResourceKind.Dataset:
                    return IdShapes.IsDatasetId(text);
                case ResourceKind.MappingSet:
                    return IdShapes.IsMappingSetId(text);
                case ResourceKind.XdmSchema:
                    return IdShapes.IsSchemaId(text);
                default:
                    return IdShapes.IsFlowServiceId(text);
            }
        }

        /// <summary>
        /// The id <paramref name="idOrName"/> stands for: itself when it has the shape of an id (no request), else the id
        /// of the one object of that kind with exactly that name (a schema's title), asked of the platform.
        /// </summary>
        public static async Task<string> ResolveAsync(PlatformClient client, ResourceKind kind, string idOrName, CancellationToken cancellationToken)
        {
            // Piped text is not bound through -Id's length check; a megabyte is neither sent as a filter nor quoted whole.
            if (IdShapes.LengthProblem(idOrName) is string tooLong)
            {
                throw new PlatformValidationException(kind + " id", tooLong);
            }

            if (!IsNamed(kind) || HasIdShape(kind, idOrName))
            {
                return idOrName;
            }

            var ids = await IdsNamedAsync(client, kind, idOrName, cancellationToken).ConfigureAwait(false);
            switch (ids.Count)
            {
                case 1:
                    return ids[0];
                case 0:
                    throw new ResourceNotFoundException(kind.ToString(), ResourceNotFoundException.Words(kind.ToString()), idOrName, await NamesAsync(client, kind, cancellationToken).ConfigureAwait(false), "run " + CmdletTerms.List(kind.ToString()));
                default:
                    throw new AmbiguousNameException(kind.ToString(), idOrName, ids);
            }
        }

        private static async Task<IReadOnlyList<string>> IdsNamedAsync(PlatformClient client, ResourceKind kind, string name, CancellationToken cancellation)
        {
            var flowService = client.FlowService;
            var lookup = new SandboxLookup(client);
            switch (kind)
            {
                case ResourceKind.Dataflow:
                    return IdsOf(await flowService.Flows.FindByNameFreshAsync(name, cancellation).ConfigureAwait(false));
                case ResourceKind.SourceConnection:
                    return IdsOf(await flowService.SourceConnections.FindByNameFreshAsync(name, cancellation).ConfigureAwait(false));
                case ResourceKind.TargetConnection:
                    return IdsOf(await flowService.TargetConnections.FindByNameFreshAsync(name, cancellation).ConfigureAwait(false));
                case ResourceKind.BaseConnection:
                    return IdsOf(await flowService.BaseConnections.FindByNameFreshAsync(name, cancellation).ConfigureAwait(false));
                case ResourceKind.Dataset:
                    return IdsOf(await lookup.DatasetsAsync(name, cancellation).ConfigureAwait(false));
                case ResourceKind.XdmSchema:
                    return IdsOf(await lookup.SchemasAsync(name, cancellation).ConfigureAwait(false));
                case ResourceKind.FlowSpec:
                    return IdsOf(await lookup.FlowSpecAsync(name, cancellation).ConfigureAwait(false));
                case ResourceKind.ConnectionSpec:
                    return IdsOf(await lookup.ConnectionSpecAsync(name, cancellation).ConfigureAwait(false));
                case ResourceKind.MappingSet:
                    // Data Prep has no name filter: its mapping sets are listed and matched here.
                    var ids = new List<string>();
                    await foreach (var mappingSet in client.DataPrep.ListMappingSetsAsync(cancellation).ConfigureAwait(false))
                    {
                        if (string.Equals(mappingSet.Name, name, StringComparison.OrdinalIgnoreCase))
                        {
                            ids.Add(mappingSet.Id);
                        }
                    }

                    return ids;
                default:
                    return Array.Empty<string>();
            }
        }

        /// <summary>The names of the kind's objects, to suggest the closest from (listed only when a name matched nothing).</summary>
        private static async Task<IReadOnlyList<string>> NamesAsync(PlatformClient client, ResourceKind kind, CancellationToken cancellation)
        {
            var flowService = client.FlowService;
            var everything = new ListQuery { Limit = ListingPageSize };
            switch (kind)
            {
                case ResourceKind.Dataflow:
                    return await NamesAsync(flowService.Flows.ListAsync(everything, cancellation), f => f.Name).ConfigureAwait(false);
                case ResourceKind.SourceConnection:
                    return await NamesAsync(flowService.SourceConnections.ListAsync(everything, cancellation), c => c.Name).ConfigureAwait(false);
                case ResourceKind.TargetConnection:
                    return await NamesAsync(flowService.TargetConnections.ListAsync(everything, cancellation), c => c.Name).ConfigureAwait(false);
                case ResourceKind.BaseConnection:
                    return await NamesAsync(flowService.BaseConnections.ListAsync(everything, cancellation), c => c.Name).ConfigureAwait(false);
                case ResourceKind.Dataset:
                    return await NamesAsync(client.Catalog.ListDatasetsAsync(null, cancellation), d => d.Name).ConfigureAwait(false);
                case ResourceKind.XdmSchema:
                    return await NamesAsync(client.SchemaRegistry.ListSchemasAsync(new ListQuery(), cancellation), s => s.Title).ConfigureAwait(false);
                case ResourceKind.FlowSpec:
                    return await NamesAsync(flowService.ListFlowSpecsAsync(new ListQuery(), cancellation), s => s.Name).ConfigureAwait(false);
                case ResourceKind.ConnectionSpec:
                    return await NamesAsync(flowService.ListConnectionSpecsAsync(new ListQuery(), cancellation), s => s.Name).ConfigureAwait(false);
                case ResourceKind.MappingSet:
                    return await NamesAsync(client.DataPrep.ListMappingSetsAsync(cancellation), m => m.Name).ConfigureAwait(false);
                default:
                    return Array.Empty<string>();
            }
        }

        private static async Task<IReadOnlyList<string>> NamesAsync<T>(IAsyncEnumerable<T> items, Func<T, string?> nameOf)
        {
            var names = new List<string>();
            await foreach (var item in items.ConfigureAwait(false))
            {
                if (nameOf(item) is string name)
                {
                    names.Add(name);
                }
            }

            return names;
        }

        private static IReadOnlyList<string> IdsOf<T>(IReadOnlyList<T> found)
            where T : FlowServiceResource => found.Select(f => f.Id).ToList();

        private static IReadOnlyList<string> IdsOf<T>(NamedResources<T> found) => found.Found.Select(found.IdOf).ToList();
    }
}
