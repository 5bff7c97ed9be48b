using PlatformFlow.Client.Errors;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Operations;
using PlatformFlow.Client.Parts;

namespace PlatformFlow.Client.FlowsAsCode
{
    /// <summary>Ids to use for names that differ between sandboxes (<c>-BaseConnectionMap @{ 'Shop' = $id }</c>); keys in any case.</summary>
    public sealed class ReferenceMaps
    {
        public IReadOnlyDictionary<string, string> BaseConnections { get; init; } = new Dictionary<string, string>();

        public IReadOnlyDictionary<string, string> Datasets { get; init; } = new Dictionary<string, string>();

        public IReadOnlyDictionary<string, string> Schemas { get; init; } = new Dictionary<string, string>();
    }

    /// <summary>
    /// Plans a definition against a sandbox with reads only: resolves every name (all problems in one error), finds the
    /// flow by name (refusing when two share it), then compares each existing part with the definition. One planner
    /// plans one import.
    /// </summary>
    public sealed class DataflowPlanner
    {
        private readonly PlatformClient _client;
        private readonly SandboxLookup _lookup;
        private readonly ReferenceMaps _maps;
        private readonly TimeProvider _clock;

        // Connections taken over by a plan of this planner: two definitions of one import never share one.
        private readonly HashSet<string> _reused = new HashSet<string>(StringComparer.Ordinal);

        public DataflowPlanner(PlatformClient client, ReferenceMaps maps, TimeProvider clock)
        {
            _client = client;
            _lookup = new SandboxLookup(client);
            _maps = maps;
            _clock = clock;
        }

        /// <summary>
        /// Asks for the flows and connections these definitions name all at once, several names to a request, so that
        /// planning each then finds them without a request of its own.
        /// </summary>
        public Task PrefetchAsync(IReadOnlyList<DataflowDefinition> definitions, CancellationToken cancellationToken)
        {
            var flowService = _client.FlowService;
            return Task.WhenAll(
                flowService.Flows.Names.PrefetchAsync(definitions.Select(d => d.Name), cancellationToken),
                flowService.SourceConnections.Names.PrefetchAsync(definitions.Select(d => d.Source.Name), cancellationToken),
                flowService.TargetConnections.Names.PrefetchAsync(definitions.Select(d => d.Target.Name), cancellationToken));
        }

        /// <summary>Plans one definition; plans of one planner may run concurrently.</summary>
        public async Task<DataflowPlan> PlanAsync(DataflowDefinition definition, CancellationToken cancellationToken)
        {
            var references = await ResolveAsync(definition, cancellationToken).ConfigureAwait(false);
            var flows = await _lookup.FlowsAsync(definition.Name, cancellationToken).ConfigureAwait(false);
            if (flows.Found.Count > 1)
            {
                throw new FlowsAsCodeException(
                    FlowsAsCodeException.NameAmbiguous,
                    OperationErrorCategory.InvalidData,
                    "Sandbox " + Sandbox + " has " + flows.Found.Count + " dataflows named '" + definition.Name + "' (" + string.Join(", ", flows.Found.Select(f => f.Id))
                        + "); a definition finds its flow by name, so it cannot tell which one to apply to.",
                    "Rename or remove all but one of them (" + CmdletTerms.RenameFlow + ", " + CmdletTerms.RemoveFlow + "), then import again.");
            }

            var requests = Requests(definition, references);
            var flow = flows.Single;
            if (flow is null)
            {
                return new DataflowPlan
                {
                    Definition = definition,
                    Sandbox = Sandbox,
                    References = references,
                    Requests = requests,
                    Source = await ReuseOrCreateAsync(
                        DataflowPart.SourceConnection,
                        await _lookup.SourceConnectionsAsync(definition.Source.Name, cancellationToken).ConfigureAwait(false),
                        "sourceConnectionIds",
                        s => s.BaseConnectionId == references.BaseConnectionId && s.ConnectionSpec?.Id == references.SourceConnectionSpecId,
                        s => SourceDiff(s, requests.Source),
                        cancellationToken).ConfigureAwait(false),
                    Target = await ReuseOrCreateAsync(
                        DataflowPart.TargetConnection,
                        await _lookup.TargetConnectionsAsync(definition.Target.Name, cancellationToken).ConfigureAwait(false),
                        "targetConnectionIds",
                        t => t.ConnectionSpec?.Id == references.TargetConnectionSpecId,
                        t => TargetDiff(t, requests.Target),
                        cancellationToken).ConfigureAwait(false),
                    MappingSet = requests.MappingSet is null ? null : PartPlan.Create(DataflowPart.MappingSet),
                    Schedule = await ScheduleAsync(definition, references.FlowSpecId, definition.Schedule?.StartTime ?? _clock.GetUtcNow(), cancellationToken).ConfigureAwait(false),
                };
            }

            return await PlanUpdateAsync(definition, references, requests, flow, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// For a new flow: a connection of the definition's name that no flow uses (left by an import that stopped before
        /// its flow was created) is taken over and brought up to the definition, so a rerun makes no duplicate; else a new one.
        /// </summary>
        private async Task<PartPlan> ReuseOrCreateAsync<T>(DataflowPart part, NamedResources<T> named, string flowMember, Func<T, bool> fits, Func<T, PartDiff> diff, CancellationToken cancellationToken)
            where T : FlowServiceResource
        {
            foreach (var candidate in named.Found.Where(fits))
            {
                // Claimed before asking, so two plans running at once never take the same one; one that a flow uses stays
                // claimed (no plan may take it).
                lock (_reused)
                {
                    if (!_reused.Add(candidate.Id))
                    {
                        continue;
                    }
                }

                if (!await _lookup.UsedByAnyFlowAsync(flowMember, candidate.Id, cancellationToken).ConfigureAwait(false))
                {
                    return PartPlan.FromDiff(part, candidate.Id, candidate.Etag, diff(candidate));
                }
            }

            return PartPlan.Create(part);
        }

        private string Sandbox => _client.Settings.Sandbox;

        private async Task<DataflowPlan> PlanUpdateAsync(DataflowDefinition definition, ResolvedReferences references, DataflowRequests requests, Dataflow flow, CancellationToken cancellationToken)
        {
            var subject = "Dataflow '" + definition.Name + "' (" + flow.Id + ") in sandbox " + Sandbox;
            var problems = new List<string>();
            if (flow.FlowSpec?.Id != references.FlowSpecId)
            {
                problems.Add("it uses flow spec " + flow.FlowSpec?.Id + ", the definition names " + definition.FlowSpec + " (" + references.FlowSpecId + ")");
            }

            if (flow.SourceConnectionIds.Count != 1 || flow.TargetConnectionIds.Count != 1)
            {
                problems.Add("it has " + flow.SourceConnectionIds.Count + " source and " + flow.TargetConnectionIds.Count + " target connections; a definition describes one of each");
            }

            ThrowIfUnsupported(subject, problems);
            var source = Used(await _lookup.SourceConnectionsAsync(definition.Source.Name, cancellationToken).ConfigureAwait(false), flow.SourceConnectionIds[0])
                ?? await _client.FlowService.SourceConnections.GetBatchedAsync(flow.SourceConnectionIds[0], cancellationToken).ConfigureAwait(false);
            var target = Used(await _lookup.TargetConnectionsAsync(definition.Target.Name, cancellationToken).ConfigureAwait(false), flow.TargetConnectionIds[0])
                ?? await _client.FlowService.TargetConnections.GetBatchedAsync(flow.TargetConnectionIds[0], cancellationToken).ConfigureAwait(false);
            if (source.BaseConnectionId != references.BaseConnectionId)
            {
                problems.Add("its source connection reads base connection " + (source.BaseConnectionId ?? "(none)") + ", the definition names '" + definition.Source.BaseConnection + "' (" + (references.BaseConnectionId ?? "none") + ")");
            }

            if (source.ConnectionSpec?.Id != references.SourceConnectionSpecId)
            {
                problems.Add("its source connection uses connection spec " + source.ConnectionSpec?.Id + ", the definition names " + definition.Source.ConnectionSpec);
            }

            if (target.ConnectionSpec?.Id != references.TargetConnectionSpecId)
            {
                problems.Add("its target connection uses connection spec " + target.ConnectionSpec?.Id + ", the definition names " + definition.Target.ConnectionSpec);
            }

            ThrowIfUnsupported(subject, problems);

            var mapping = DataflowMappings.MappingOf(flow);
            var mappingSetId = DataflowMappings.MappingSetIdOf(mapping);
            var mappingVersion = DataflowMappings.MappingSetVersionOf(mapping);
            PartPlan? mappingSetPlan = null;
            if (requests.MappingSet != null)
            {
                mappingSetPlan = mappingSetId is null
                    ? PartPlan.Create(DataflowPart.MappingSet)
                    : PartPlan.FromDiff(DataflowPart.MappingSet, mappingSetId, null, MappingSetPart.Diff(
                        await _client.DataPrep.GetMappingSetCachedAsync(mappingSetId, mappingVersion, cancellationToken).ConfigureAwait(false), requests.MappingSet));
            }

            var schedule = await ScheduleAsync(definition, references.FlowSpecId, definition.Schedule?.StartTime ?? flow.ScheduleParams?.StartTime ?? _clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            var wanted = FlowPart.Request(definition.Name, definition.Description, references.FlowSpecId, flow.SourceConnectionIds, flow.TargetConnectionIds, flow.Transformations ?? new List<Transformation>(), schedule);
            var mappingChanges = (mappingSetPlan != null && mappingSetPlan.Outcome != PartOutcome.Reused) || (definition.MappingSet is null && mapping != null);
            var flowDiff = FlowPart.Diff(flow, wanted, startTimeCounts: true, descriptionCounts: true, mappingChanges);

            return new DataflowPlan
            {
                Definition = definition,
                Sandbox = Sandbox,
                References = references,
                Requests = requests,
                Source = PartPlan.FromDiff(DataflowPart.SourceConnection, source.Id, source.Etag, SourceDiff(source, requests.Source)),
                Target = PartPlan.FromDiff(DataflowPart.TargetConnection, target.Id, target.Etag, TargetDiff(target, requests.Target)),
                MappingSet = mappingSetPlan,
                Flow = PartPlan.FromDiff(DataflowPart.Flow, flow.Id, flow.Etag, flowDiff),
                MappingSetVersion = mappingVersion,
                OtherTransformations = flow.Transformations?.Where(t => t != mapping).ToList() ?? new List<Transformation>(),
                Schedule = schedule,
            };
        }

        /// <summary>The connection the flow uses, when the definition's name found it (else it is read by id: renamed since).</summary>
        private static T? Used<T>(NamedResources<T> named, string id)
            where T : FlowServiceResource => named.Found.FirstOrDefault(c => c.Id == id);

        /// <summary>The part's own diff, and its name and description, which a definition sets too.</summary>
        private static PartDiff SourceDiff(SourceConnection current, SourceConnectionRequest wanted) =>
            new PartDiff()
                .Text("name", current.Name, wanted.Name)
                .Text("description", current.Description, wanted.Description)
                .Then(SourceConnectionPart.Diff(current, wanted));

        private static PartDiff TargetDiff(TargetConnection current, TargetConnectionRequest wanted) =>
            new PartDiff()
                .Text("name", current.Name, wanted.Name)
                .Text("description", current.Description, wanted.Description)
                .Then(TargetConnectionPart.Diff(current, wanted));

        /// <summary>The requests a definition makes of its parts, built by the parts as the pipeline's steps build theirs.</summary>
        private static DataflowRequests Requests(DataflowDefinition definition, ResolvedReferences references) => new DataflowRequests
        {
            Source = SourceConnectionPart.Request(definition.Source.Name, definition.Source.Description, references.BaseConnectionId, definition.Source.Format, definition.Source.TableName, definition.Source.Path, definition.Source.Columns, references.SourceConnectionSpecId,
                FileReading.Properties(definition.Source.ColumnDelimiter, definition.Source.Compression)),
            Target = TargetConnectionPart.Request(definition.Target.Name, definition.Target.Description, definition.Target.Format, references.SchemaId, references.DatasetId, references.TargetConnectionSpecId),
            MappingSet = definition.MappingSet is null ? null : MappingSetChecks.Request(references.SchemaId, definition.MappingSet.Mappings, null),
        };

        /// <summary>
        /// The definition's schedule, refused as the flow spec's <c>scheduleSpec</c> refuses it: the one schedule check
        /// New-Dataflow and Set-Dataflow make too (<see cref="Api.FlowServiceClient.ValidateScheduleAsync"/>). None for a
        /// definition without one (a streaming flow), which the flow spec's own check then judges when the flow is sent.
        /// </summary>
        private async Task<ScheduleParams?> ScheduleAsync(DataflowDefinition definition, string flowSpecId, DateTimeOffset start, CancellationToken cancellationToken)
        {
            if (definition.Schedule is null)
            {
                return null;
            }

            var schedule = ScheduleParams.Of(definition.Schedule.Frequency, definition.Schedule.Interval, start, definition.Schedule.Backfill);
            PlatformValidationException.ThrowIfAny("dataflow '" + definition.Name + "'", await _client.FlowService.ValidateScheduleAsync(flowSpecId, schedule, cancellationToken).ConfigureAwait(false));
            return schedule;
        }

        private static string? Missing<T>(NamedResources<T>? named) => named != null && named.IsMissing ? named.Problem : null;

        private static void ThrowIfUnsupported(string subject, IReadOnlyList<string> problems)
        {
            if (problems.Count > 0)
            {
                throw new FlowsAsCodeException(
                    FlowsAsCodeException.ChangeNotSupported,
                    OperationErrorCategory.InvalidOperation,
                    subject + " cannot be updated to the definition: " + string.Join("; ", problems) + ". The platform cannot change these on an existing flow.",
                    "Remove the flow (" + CmdletTerms.RemoveFlowAndConnections + ") and import the definition again, or give the definition another name.");
            }
        }

        /// <summary>The base connection of that name, or of the id the caller mapped the name to.</summary>
        private async Task<NamedResources<BaseConnection>?> BaseConnectionAsync(string name, CancellationToken cancellationToken) =>
            _maps.BaseConnections.TryGetValue(name, out var id)
                ? await SandboxLookup.ByIdAsync("base connection", name, id, () => _client.FlowService.BaseConnections.GetAsync(id, cancellationToken), c => c.Id).ConfigureAwait(false)
                : await _lookup.BaseConnectionsAsync(name, cancellationToken).ConfigureAwait(false);

        /// <summary>Every name of the definition to an id of this sandbox; one error naming everything missing or unclear.</summary>
        private async Task<ResolvedReferences> ResolveAsync(DataflowDefinition definition, CancellationToken cancellationToken)
        {
            // Asked all at once: none depends on another.
            var flowSpecLookup = _lookup.FlowSpecAsync(definition.FlowSpec, cancellationToken);
            var sourceSpecLookup = _lookup.ConnectionSpecAsync(definition.Source.ConnectionSpec, cancellationToken);
            var targetSpecLookup = _lookup.ConnectionSpecAsync(definition.Target.ConnectionSpec, cancellationToken);
            var baseName = definition.Source.BaseConnection;
            var baseConnectionLookup = baseName is null ? Task.FromResult<NamedResources<BaseConnection>?>(null) : BaseConnectionAsync(baseName, cancellationToken);
            var datasetName = definition.Target.Dataset;
            var datasetLookup = _maps.Datasets.TryGetValue(datasetName, out var datasetId)
                ? SandboxLookup.ByIdAsync("dataset", datasetName, datasetId, () => _client.Catalog.GetDatasetAsync(datasetId, cancellationToken), d => d.Id)
                : _lookup.DatasetsAsync(datasetName, cancellationToken);
            var schemaTitle = definition.Target.Schema;
            var schemaLookup = _maps.Schemas.TryGetValue(schemaTitle, out var schemaId)
                ? SandboxLookup.ByIdAsync("schema", schemaTitle, schemaId, () => _client.SchemaRegistry.GetSchemaAsync(schemaId, false, cancellationToken), s => s.Id)
                : _lookup.SchemasAsync(schemaTitle, cancellationToken);
            await Task.WhenAll(flowSpecLookup, sourceSpecLookup, targetSpecLookup, baseConnectionLookup, datasetLookup, schemaLookup).ConfigureAwait(false);
            var (flowSpec, sourceSpec, targetSpec) = (await flowSpecLookup.ConfigureAwait(false), await sourceSpecLookup.ConfigureAwait(false), await targetSpecLookup.ConfigureAwait(false));
            var (baseConnection, dataset, schema) = (await baseConnectionLookup.ConfigureAwait(false), await datasetLookup.ConfigureAwait(false), await schemaLookup.ConfigureAwait(false));

            var subject = "Dataflow definition '" + definition.Name + "'";
            var missing = new[] { Missing(flowSpec), Missing(sourceSpec), Missing(targetSpec), Missing(baseConnection), Missing(dataset), Missing(schema) }
                .Where(p => p != null).ToList();
            if (missing.Count > 0)
            {
                throw new FlowsAsCodeException(
                    FlowsAsCodeException.ReferenceNotFound,
                    OperationErrorCategory.ObjectNotFound,
                    subject + " refers to what sandbox " + Sandbox + " does not have: " + string.Join(", ", missing) + ". Nothing was changed.",
                    "Create them in sandbox " + Sandbox + " first, or map the names to ids there with " + CmdletTerms.ReferenceMaps + ".");
            }

            var unclear = new[] { baseConnection?.Problem, dataset.Problem, schema.Problem }.Where(p => p != null).ToList();
            var spec = baseConnection?.Single?.ConnectionSpec?.Id;
            if (spec != null && spec != sourceSpec.Single!.Id)
            {
                unclear.Add("base connection '" + baseName + "' (" + baseConnection!.Single!.Id + ") uses connection spec " + spec + ", not " + definition.Source.ConnectionSpec + " (" + sourceSpec.Single!.Id + ")");
            }

            var datasetSchema = dataset.Single?.SchemaRef?.Id;
            if (datasetSchema != null && datasetSchema != schema.Single?.Id)
            {
                unclear.Add("dataset '" + datasetName + "' (" + dataset.Single!.Id + ") is on schema " + datasetSchema + ", not on '" + schemaTitle + "' (" + schema.Single?.Id + ")");
            }

            if (unclear.Count > 0)
            {
                throw new FlowsAsCodeException(
                    FlowsAsCodeException.ReferenceInvalid,
                    OperationErrorCategory.InvalidData,
                    subject + " cannot be resolved in sandbox " + Sandbox + ": " + string.Join("; ", unclear) + ". Nothing was changed.",
                    "Give the resource a unique name, or map the name to the id to use with " + CmdletTerms.ReferenceMaps + ".");
            }

            return new ResolvedReferences
            {
                FlowSpecId = flowSpec.Single!.Id,
                SourceConnectionSpecId = sourceSpec.Single!.Id,
                BaseConnectionId = baseConnection?.Single?.Id,
                TargetConnectionSpecId = targetSpec.Single!.Id,
                DatasetId = dataset.Single!.Id,
                SchemaId = schema.Single!.Id,
            };
        }
    }
}
