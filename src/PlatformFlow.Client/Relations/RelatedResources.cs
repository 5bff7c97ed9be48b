using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.Relations
{
    /// <summary>
    /// What a piped object means to a cmdlet of another kind: the related objects the platform records (a flow's source
    /// connections, a source connection's base connection, a dataset's schema, a run's flow), never the piped object's
    /// own id taken for another kind's. Relations one read away (a flow's base connection, through its source
    /// connection) are read.
    /// </summary>
    public static class RelatedResources
    {
        /// <summary>The property names, most specific first, under which a plain object (a CSV row, a hashtable) gives an id of each kind.</summary>
        public static IReadOnlyList<string> PropertyNamesOf(ResourceKind kind)
        {
            switch (kind)
            {
                case ResourceKind.Dataflow:
                    return new[] { "FlowId", "DataflowId" };
                case ResourceKind.FlowRun:
                    return new[] { "RunId", "FlowRunId" };
                case ResourceKind.MappingSet:
                    return new[] { "MappingSetId", "MappingId" };
                case ResourceKind.Dataset:
                    return new[] { "DatasetId" };
                case ResourceKind.XdmSchema:
                    return new[] { "SchemaId", "AltId" };
                default:
                    return new[] { kind + "Id" };
            }
        }

        /// <summary>The kind of a model object; null for anything else (strings, CSV rows, hashtables).</summary>
        public static ResourceKind? KindOf(object input) =>
            ModelKinds.FirstOrDefault(model => model.Type.IsInstanceOfType(input)) is var (type, kind) && type != null ? kind : (ResourceKind?)null;

        private static readonly (Type Type, ResourceKind Kind)[] ModelKinds =
        {
            (typeof(Dataflow), ResourceKind.Dataflow),
            (typeof(FlowRun), ResourceKind.FlowRun),
            (typeof(SourceConnection), ResourceKind.SourceConnection),
            (typeof(TargetConnection), ResourceKind.TargetConnection),
            (typeof(BaseConnection), ResourceKind.BaseConnection),
            (typeof(MappingSet), ResourceKind.MappingSet),
            (typeof(FlowSpec), ResourceKind.FlowSpec),
            (typeof(ConnectionSpec), ResourceKind.ConnectionSpec),
            (typeof(Dataset), ResourceKind.Dataset),
            (typeof(XdmSchema), ResourceKind.XdmSchema),
            (typeof(Batch), ResourceKind.Batch),
        };

        /// <summary>
        /// The ids of <paramref name="kind"/> that <paramref name="input"/> stands for: itself when it is one; the related
        /// objects the platform records; for other objects, a property named for the kind (<c>BaseConnectionId</c>),
        /// then <c>Id</c> on a plain object. An object of an unrelated kind is an <see cref="ArgumentException"/>.
        /// </summary>
        /// <param name="property">Reads a property of the input by name (PowerShell properties, CSV columns); null when it has none.</param>
        public static async Task<IReadOnlyList<string>> IdsAsync(PlatformClient client, object input, Func<string, string?> property, ResourceKind kind, CancellationToken cancellationToken)
        {
            if (input is string id)
            {
                return new[] { id };
            }

            if (KindOf(input) is ResourceKind inputKind)
            {
                var related = await RelatedAsync(client, input, kind, cancellationToken).ConfigureAwait(false);
                if (related != null)
                {
                    return related;
                }

                // An object a flow pipeline wrote carries the ids of the parts made before it (e.g. SourceConnectionId).
                return Named(property, kind) is string carried
                    ? new[] { carried }
                    : throw new ArgumentException("A " + inputKind + " has no related " + kind + " the platform records; pipe a " + kind + " or an object related to one, or give its id.");
            }

            return Named(property, kind) is string named ? new[] { named }
                : property("Id") is string own && own.Length > 0 ? new[] { own }
                : throw new ArgumentException("The input has no " + string.Join(" or ", PropertyNamesOf(kind)) + " or Id property to identify a " + kind + ".");
        }

        private static string? Named(Func<string, string?> property, ResourceKind kind) =>
            PropertyNamesOf(kind).Select(property).FirstOrDefault(value => !string.IsNullOrEmpty(value));

        /// <summary>The related ids, reading what lies one step away; null when the two kinds are not related.</summary>
        private static async Task<IReadOnlyList<string>?> RelatedAsync(PlatformClient client, object input, ResourceKind kind, CancellationToken cancellationToken)
        {
            if (input is Dataflow written && kind == ResourceKind.FlowRun && written.LastRunDetailsJson is null && !string.IsNullOrEmpty(written.Id))
            {
                // A flow as New-Dataflow wrote it is built from the create answer, which records no run: the platform's does.
                input = await client.FlowService.Flows.GetAsync(written.Id, cancellationToken).ConfigureAwait(false);
            }

            if (Recorded(input, kind) is IReadOnlyList<string> recorded)
            {
                return recorded;
            }

            switch (input)
            {
                case Dataflow flow when kind == ResourceKind.BaseConnection:
                    return await ThroughAsync(flow.SourceConnectionIds, id => client.FlowService.SourceConnections.GetAsync(id, cancellationToken), kind).ConfigureAwait(false);
                case Dataflow flow when kind == ResourceKind.Dataset || kind == ResourceKind.XdmSchema:
                    return await ThroughAsync(flow.TargetConnectionIds, id => client.FlowService.TargetConnections.GetAsync(id, cancellationToken), kind).ConfigureAwait(false);
                case FlowRun run when kind != ResourceKind.ConnectionSpec && !string.IsNullOrEmpty(run.FlowId):
                    var flowOfRun = await client.FlowService.Flows.GetAsync(run.FlowId, cancellationToken).ConfigureAwait(false);
                    return await RelatedAsync(client, flowOfRun, kind, cancellationToken).ConfigureAwait(false);
                default:
                    return null;
            }
        }

        private static async Task<IReadOnlyList<string>?> ThroughAsync<T>(IEnumerable<string> ids, Func<string, Task<T>> read, ResourceKind kind)
            where T : class
        {
            var found = new List<string>();
            foreach (var id in ids)
            {
                found.AddRange(Recorded(await read(id).ConfigureAwait(false), kind) ?? Array.Empty<string>());
            }

            return found.Distinct(StringComparer.Ordinal).ToList();
        }

        /// <summary>The ids of <paramref name="kind"/> the object itself records; null when it records none of that kind.</summary>
        private static IReadOnlyList<string>? Recorded(object input, ResourceKind kind)
        {
            if (KindOf(input) == kind)
            {
                return new[] { OwnId(input) };
            }

            switch (input, kind)
            {
                case (Dataflow flow, ResourceKind.SourceConnection):
                    return flow.SourceConnectionIds;
                case (Dataflow flow, ResourceKind.TargetConnection):
                    return flow.TargetConnectionIds;
                case (Dataflow flow, ResourceKind.MappingSet):
                    return Present(flow.MappingSetId);
                case (Dataflow flow, ResourceKind.FlowSpec):
                    return Present(flow.FlowSpec?.Id);
                case (Dataflow flow, ResourceKind.FlowRun):
                    return Present(flow.LastRunDetailsJson?["id"]?.ToString());
                case (FlowRun run, ResourceKind.Dataflow):
                    return Present(run.FlowId);
                case (FlowRun run, ResourceKind.FlowSpec):
                    return Present(run.FlowSpec?.Id);
                case (FlowRun run, ResourceKind.Batch):
                    return Present(run.BatchId);
                case (Batch batch, ResourceKind.FlowRun):
                    return Present(batch.RunId);
                case (Batch batch, ResourceKind.Dataflow):
                    return Present(batch.FlowId);
                case (Batch batch, ResourceKind.Dataset):
                    return Present(batch.DatasetId);
                case (SourceConnection source, ResourceKind.BaseConnection):
                    return Present(source.BaseConnectionId);
                case (SourceConnection source, ResourceKind.ConnectionSpec):
                    return Present(source.ConnectionSpec?.Id);
                case (TargetConnection target, ResourceKind.Dataset):
                    return Present(target.DatasetId);
                case (TargetConnection target, ResourceKind.XdmSchema):
                    return Present(target.SchemaId);
                case (TargetConnection target, ResourceKind.ConnectionSpec):
                    return Present(target.ConnectionSpec?.Id);
                case (BaseConnection baseConnection, ResourceKind.ConnectionSpec):
                    return Present(baseConnection.ConnectionSpec?.Id);
                case (Dataset dataset, ResourceKind.XdmSchema):
                    return Present(dataset.SchemaId);
                case (MappingSet mappingSet, ResourceKind.XdmSchema):
                    return Present(mappingSet.OutputSchema?.SchemaRef.Id);
                default:
                    return null;
            }
        }

        private static string OwnId(object input) => input switch
        {
            FlowServiceResource resource => resource.Id,
            FlowServiceSpec spec => spec.Id,
            MappingSet mappingSet => mappingSet.Id,
            Dataset dataset => dataset.Id,
            XdmSchema schema => schema.Id,
            Batch batch => batch.Id,
            _ => throw new ArgumentException("Not a platform object: " + input.GetType().Name),
        };

        private static IReadOnlyList<string> Present(string? id) => string.IsNullOrEmpty(id) ? Array.Empty<string>() : new[] { id! };
    }
}
