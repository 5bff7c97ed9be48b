using System.Text.Json;
using PlatformFlow.Client.Json;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Parts;

namespace PlatformFlow.Client.FlowsAsCode
{
    /// <summary>
    /// Carries out a <see cref="DataflowPlan"/>: the source and target connections and the mapping set at once, then the flow,
    /// through the same parts the pipeline's steps use (<see cref="SourceConnectionPart"/>...): creates what is new (each
    /// create looked up after an ambiguous failure and remembered in the context's indexes), reuses a mapping set of the
    /// same content, patches (with If-Match) only the members that differ, and puts a changed mapping set as its next
    /// version, which the flow then uses. An unchanged part gets no request at all.
    /// </summary>
    public sealed class DataflowApplier
    {
        private readonly PlatformClient _client;
        private readonly TimeProvider _clock;
        private readonly bool _createDisabled;

        /// <param name="createDisabled">A flow created starts no run until enabled (<see cref="DisabledCreation"/>); an existing flow keeps its state either way.</param>
        public DataflowApplier(PlatformClient client, TimeProvider clock, bool createDisabled = false)
        {
            _client = client;
            _clock = clock;
            _createDisabled = createDisabled;
        }

        public async Task<DataflowImportResult> ApplyAsync(DataflowPlan plan, string? path, CancellationToken cancellationToken)
        {
            var definition = plan.Definition;
            var requests = plan.Requests;
            var flowService = _client.FlowService;
            // The connections and the mapping set do not depend on one another: they are written at once, the flow after them.
            var source = ApplyPartAsync(
                plan.Source,
                async () => (await SourceConnectionPart.CreateOrReuse(_client, requests.Source).CreateAsync(_client, _clock, cancellationToken).ConfigureAwait(false)).Id,
                (id, ops, etag) => flowService.SourceConnections.PatchAsync(id, ops, etag, cancellationToken));
            var target = ApplyPartAsync(
                plan.Target,
                async () => (await TargetConnectionPart.CreateOrReuse(_client, requests.Target).CreateAsync(_client, _clock, cancellationToken).ConfigureAwait(false)).Id,
                (id, ops, etag) => flowService.TargetConnections.PatchAsync(id, ops, etag, cancellationToken));
            var mappingSet = ApplyMappingSetAsync(plan, cancellationToken);
            await Task.WhenAll(source, target, mappingSet).ConfigureAwait(false);
            var (sourceId, targetId) = (await source.ConfigureAwait(false), await target.ConfigureAwait(false));
            var (mappingSetId, mappingSetVersion, mappingSetOutcome) = await mappingSet.ConfigureAwait(false);

            var transformations = Transformations(plan, mappingSetId, mappingSetVersion);
            var flowId = plan.Flow.Id;
            if (plan.Flow.Outcome == PartOutcome.Planned)
            {
                var schedule = _createDisabled ? DisabledCreation.HeldSchedule(plan.Schedule, _clock.GetUtcNow()) : plan.Schedule;
                var request = FlowPart.Request(definition.Name, definition.Description, plan.References.FlowSpecId, new[] { sourceId }, new[] { targetId }, transformations, schedule);
                flowId = (await FlowPart.CreateCheckedAsync(_client, request, _clock, cancellationToken).ConfigureAwait(false)).Id;
                if (_createDisabled)
                {
                    await DisabledCreation.DisableAsync(_client, flowId, plan.Schedule, schedule, cancellationToken).ConfigureAwait(false);
                }
            }
            else if (plan.Flow.Outcome == PartOutcome.Updated)
            {
                var operations = plan.Flow.Patch.ToList();
                if (plan.Flow.Change.Changes.Contains("transformations"))
                {
                    operations.Add(new JsonPatchOperation("add", "/transformations", JsonSerializer.SerializeToElement(transformations, PlatformJsonContext.Default.ListTransformation)));
                }

                await flowService.Flows.PatchAsync(flowId!, operations, plan.Flow.Etag!, cancellationToken).ConfigureAwait(false);
            }

            return new DataflowImportResult
            {
                Name = definition.Name,
                Outcome = Applied(plan.Outcome),
                Applied = true,
                Sandbox = plan.Sandbox,
                Path = path,
                FlowId = flowId,
                SourceConnectionId = sourceId,
                TargetConnectionId = targetId,
                MappingSetId = mappingSetId,
                MappingSetVersion = mappingSetVersion,
                Parts = new[]
                {
                    WithId(plan.Source, sourceId),
                    WithId(plan.Target, targetId),
                    plan.MappingSet is null ? null : new DataflowPartChange(DataflowPart.MappingSet, mappingSetOutcome!.Value, mappingSetId, plan.MappingSet.Change.Changes),
                    WithId(plan.Flow, flowId),
                }.Where(p => p != null).Select(p => p!).ToList(),
            };
        }

        /// <summary>
        /// The result of a plan that sends nothing: an unchanged flow (<paramref name="applied"/>: it already matches), or a
        /// change not made (-WhatIf, declined). Carries the ids of what already exists.
        /// </summary>
        public static DataflowImportResult Unsent(DataflowPlan plan, string? path, bool applied) => new DataflowImportResult
        {
            Name = plan.Definition.Name,
            Outcome = plan.Outcome,
            Applied = applied,
            Sandbox = plan.Sandbox,
            Path = path,
            FlowId = plan.Flow.Id,
            SourceConnectionId = plan.Source.Id,
            TargetConnectionId = plan.Target.Id,
            MappingSetId = plan.MappingSet?.Id,
            MappingSetVersion = plan.MappingSet?.Outcome == PartOutcome.Reused ? plan.MappingSetVersion : null,
            Parts = plan.Parts.Select(p => p.Change).ToList(),
        };

        /// <summary>The mapping set the flow is to use, created (or reused by content) or put as its next version when it changes.</summary>
        private async Task<(string? Id, int? Version, PartOutcome? Outcome)> ApplyMappingSetAsync(DataflowPlan plan, CancellationToken cancellationToken)
        {
            switch (plan.MappingSet?.Outcome)
            {
                case PartOutcome.Planned:
                    var made = await MappingSetPart.CreateOrReuse(_client, plan.Requests.MappingSet!, plan.Definition.Name).ApplyAsync(_client, _clock, cancellationToken).ConfigureAwait(false);
                    return (made.Part.Id, made.Part.Version, made.Outcome);
                case PartOutcome.Updated:
                    var written = await _client.DataPrep.UpdateMappingSetAsync(plan.MappingSet.Id!, plan.Requests.MappingSet!, cancellationToken).ConfigureAwait(false);
                    return (written.Id, written.Version, PartOutcome.Updated);
                default:
                    return (plan.MappingSet?.Id, plan.MappingSetVersion, plan.MappingSet is null ? (PartOutcome?)null : Applied(plan.MappingSet.Outcome));
            }
        }

        private static async Task<string> ApplyPartAsync(PartPlan part, Func<Task<string>> create, Func<string, IReadOnlyList<JsonPatchOperation>, string, Task<ResourceWriteResult>> patch)
        {
            switch (part.Outcome)
            {
                case PartOutcome.Planned:
                    return await create().ConfigureAwait(false);
                case PartOutcome.Updated:
                    await patch(part.Id!, part.Patch, part.Etag!).ConfigureAwait(false);
                    return part.Id!;
                default:
                    return part.Id!;
            }
        }

        private static DataflowPartChange WithId(PartPlan part, string? id) => new DataflowPartChange(part.Change.Part, Applied(part.Outcome), id, part.Change.Changes);

        /// <summary>What a planned outcome is once the plan has been carried out: a planned part has been created.</summary>
        private static PartOutcome Applied(PartOutcome planned) => planned == PartOutcome.Planned ? PartOutcome.Created : planned;

        private static List<Transformation> Transformations(DataflowPlan plan, string? mappingSetId, int? mappingSetVersion)
        {
            var transformations = plan.OtherTransformations.ToList();
            if (mappingSetId != null)
            {
                transformations.Add(Transformation.ForMappingSet(mappingSetId, mappingSetVersion ?? 0));
            }

            return transformations;
        }
    }
}
