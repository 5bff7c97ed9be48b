using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PlatformFlow.Client.Json;
using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.FlowsAsCode
{
    /// <summary>
    /// Carries out a <see cref="DataflowPlan"/>, part by part in dependency order (source, target, mapping set, flow): creates
    /// what is new, patches (with If-Match) only the members that differ, and puts a changed mapping set as its next
    /// version, which the flow then uses. An unchanged part gets no request at all.
    /// </summary>
    public sealed class DataflowApplier
    {
        private readonly PlatformClient _client;

        public DataflowApplier(PlatformClient client)
        {
            _client = client;
        }

        public async Task<DataflowImportResult> ApplyAsync(DataflowPlan plan, string? path, CancellationToken cancellationToken)
        {
            var definition = plan.Definition;
            var references = plan.References;
            var flowService = _client.FlowService;
            var sourceId = await ApplyPartAsync(plan.Source, () => flowService.SourceConnections.CreateAsync(SourceRequest(definition.Source, references), cancellationToken), (id, ops, etag) => flowService.SourceConnections.PatchAsync(id, ops, etag, cancellationToken)).ConfigureAwait(false);
            var targetId = await ApplyPartAsync(plan.Target, () => flowService.TargetConnections.CreateAsync(TargetRequest(definition.Target, references), cancellationToken), (id, ops, etag) => flowService.TargetConnections.PatchAsync(id, ops, etag, cancellationToken)).ConfigureAwait(false);

            var mappingSetId = plan.MappingSet?.Id;
            var mappingSetVersion = plan.MappingSetVersion;
            if (plan.MappingSet != null && plan.MappingSet.Action != DataflowAction.Unchanged)
            {
                var request = MappingSetRequest(definition.MappingSet!, references);
                var written = plan.MappingSet.Action == DataflowAction.Create
                    ? await _client.DataPrep.CreateMappingSetAsync(request, cancellationToken).ConfigureAwait(false)
                    : await _client.DataPrep.UpdateMappingSetAsync(plan.MappingSet.Id!, request, cancellationToken).ConfigureAwait(false);
                mappingSetId = written.Id;
                mappingSetVersion = written.Version;
            }

            var transformations = Transformations(plan, mappingSetId, mappingSetVersion);
            var flowId = plan.Flow.Id;
            if (plan.Flow.Action == DataflowAction.Create)
            {
                flowId = (await flowService.CreateDataflowAsync(
                    new DataflowRequest
                    {
                        Name = definition.Name,
                        Description = definition.Description,
                        FlowSpec = new SpecReference(references.FlowSpecId, "1.0"),
                        SourceConnectionIds = new List<string> { sourceId },
                        TargetConnectionIds = new List<string> { targetId },
                        Transformations = transformations,
                        ScheduleParams = plan.Schedule,
                    },
                    cancellationToken).ConfigureAwait(false)).Id;
            }
            else if (plan.Flow.Action == DataflowAction.Update)
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
                Action = plan.Action,
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
                    plan.MappingSet is null ? null : WithId(plan.MappingSet, mappingSetId),
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
            Action = plan.Action,
            Applied = applied,
            Sandbox = plan.Sandbox,
            Path = path,
            FlowId = plan.Flow.Id,
            SourceConnectionId = plan.Source.Id,
            TargetConnectionId = plan.Target.Id,
            MappingSetId = plan.MappingSet?.Id,
            MappingSetVersion = plan.MappingSet?.Action == DataflowAction.Unchanged ? plan.MappingSetVersion : null,
            Parts = plan.Parts.Select(p => p.Change).ToList(),
        };

        private static async Task<string> ApplyPartAsync(PartPlan part, System.Func<Task<ResourceWriteResult>> create, System.Func<string, IReadOnlyList<JsonPatchOperation>, string, Task<ResourceWriteResult>> patch)
        {
            switch (part.Action)
            {
                case DataflowAction.Create:
                    return (await create().ConfigureAwait(false)).Id;
                case DataflowAction.Update:
                    await patch(part.Id!, part.Patch, part.Etag!).ConfigureAwait(false);
                    return part.Id!;
                default:
                    return part.Id!;
            }
        }

        private static DataflowPartChange WithId(PartPlan part, string? id) => new DataflowPartChange(part.Change.Part, part.Action, id, part.Change.Changes);

        private static List<Transformation> Transformations(DataflowPlan plan, string? mappingSetId, int? mappingSetVersion)
        {
            var transformations = plan.OtherTransformations.ToList();
            if (mappingSetId != null)
            {
                transformations.Add(Transformation.ForMappingSet(mappingSetId, mappingSetVersion ?? 0));
            }

            return transformations;
        }

        private static SourceConnectionRequest SourceRequest(SourceDefinition source, ResolvedReferences references) => new SourceConnectionRequest
        {
            Name = source.Name,
            Description = source.Description,
            BaseConnectionId = references.BaseConnectionId,
            Data = new SourceData { Format = source.Format },
            Params = new SourceParams { TableName = source.TableName, Path = source.Path, Columns = source.Columns is null ? null : new ValueList<SourceColumn>(source.Columns) },
            ConnectionSpec = new SpecReference(references.SourceConnectionSpecId, "1.0"),
        };

        private static TargetConnectionRequest TargetRequest(TargetDefinition target, ResolvedReferences references) => new TargetConnectionRequest
        {
            Name = target.Name,
            Description = target.Description,
            Data = new TargetData { Format = target.Format, Schema = new TargetSchemaReference { Id = references.SchemaId, Version = WellKnown.XedFullNoTextContentType } },
            Params = new TargetParams { DataSetId = references.DatasetId },
            ConnectionSpec = new SpecReference(references.TargetConnectionSpecId, "1.0"),
        };

        private static MappingSetRequest MappingSetRequest(MappingSetDefinition mappingSet, ResolvedReferences references) => new MappingSetRequest
        {
            OutputSchema = new MappingSchema { SchemaRef = new DatasetSchemaReference { Id = references.SchemaId, ContentType = WellKnown.XedFullNoTextContentType } },
            Mappings = mappingSet.Mappings.ToList(),
        };
    }
}
