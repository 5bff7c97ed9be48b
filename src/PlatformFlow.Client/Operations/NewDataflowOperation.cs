using System;
using System.Collections.Generic;
using System.Linq;
using System.Globalization;
using System.Threading.Tasks;
using PlatformFlow.Client.Errors;
using PlatformFlow.Client.Json;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Validation;

namespace PlatformFlow.Client.Operations
{
    public sealed class DataflowInput
    {
        public string FlowName { get; set; } = string.Empty;

        public string FlowSpecId { get; set; } = string.Empty;

        public IReadOnlyList<string> SourceConnectionIds { get; set; } = Array.Empty<string>();

        public IReadOnlyList<string> TargetConnectionIds { get; set; } = Array.Empty<string>();

        public string? MappingSetId { get; set; }

        /// <summary>The mapping set's version; its current version when null.</summary>
        public int? MappingSetVersion { get; set; }

        /// <summary><c>Once</c>, <c>Minute</c>, <c>Hour</c>, <c>Day</c> or <c>Week</c>.</summary>
        public string Frequency { get; set; } = "Once";

        public int? Interval { get; set; }

        /// <summary>When the schedule starts; now when null.</summary>
        public DateTimeOffset? StartTime { get; set; }

        public bool? Backfill { get; set; }

        public string? Description { get; set; }

        public PipelineIds Carried { get; set; } = new PipelineIds();

        /// <summary>When the flow cannot be made, remove the parts the pipeline created for it (-RollbackOnError) instead of naming them in a warning.</summary>
        public bool RollbackOnError { get; set; }

        /// <summary>Change a part of the same name that differs (where it can be changed) instead of refusing it.</summary>
        public bool UpdateExisting { get; set; }

        public object? Target { get; set; }
    }

    /// <summary>
    /// New-Dataflow: builds the schedule (rejecting what the platform would reject before any request), checks the flow
    /// against its flow spec as the platform does, then <c>POST /flows</c>.
    /// </summary>
    public sealed class NewDataflowOperation : PlatformOperation
    {
        public NewDataflowOperation(PlatformClient client, TimeProvider? clock = null)
            : base(client, clock)
        {
        }

        public Task RunAsync(DataflowInput input, IOperationHost host) =>
            ForInputAsync(host, input.Target ?? input.FlowName, input.FlowName, "NewDataflow", () =>
                PipelineRollback.GuardAsync(Client, input.FlowName, input.Carried, input.RollbackOnError, lastStep: true, host, () => CreateAsync(input, host)));

        private async Task CreateAsync(DataflowInput input, IOperationHost host)
        {
            var cancellation = host.Cancellation;
            var schedule = await StreamingFlows.TakesScheduleAsync(Client, input.FlowSpecId, host).ConfigureAwait(false)
                ? ScheduleParams.Of(input.Frequency, input.Interval, input.StartTime ?? Clock.GetUtcNow(), input.Backfill)
                : null;
            var transformations = new List<Transformation>();
            if (!string.IsNullOrEmpty(input.MappingSetId))
            {
                var current = Planned.IsPlanned(input.MappingSetId) ? (int?)null : (await Client.DataPrep.GetLatestMappingSetCachedAsync(input.MappingSetId!, cancellation).ConfigureAwait(false)).Version;
                var version = input.MappingSetVersion ?? current ?? 0;
                if (version < 0 || version > current)
                {
                    throw new PlatformValidationException("dataflow '" + input.FlowName + "'", "MappingSetVersion: mapping set " + input.MappingSetId + " has versions 0 to " + current + ", not " + version);
                }

                transformations.Add(Transformation.ForMappingSet(input.MappingSetId!, version));
            }

            var request = new DataflowRequest
            {
                Name = input.FlowName,
                Description = input.Description,
                FlowSpec = new SpecReference(input.FlowSpecId, "1.0"),
                SourceConnectionIds = new List<string>(input.SourceConnectionIds),
                TargetConnectionIds = new List<string>(input.TargetConnectionIds),
                Transformations = transformations,
                ScheduleParams = schedule,
            };

            var knownSpecs = new Dictionary<string, string>(StringComparer.Ordinal);
            var sourceSpec = input.Carried[PipelineIds.ConnectionSpecId];
            foreach (var id in request.SourceConnectionIds)
            {
                if (Planned.IsPlanned(id) && sourceSpec != null)
                {
                    knownSpecs[id] = sourceSpec;
                }
            }

            PlatformValidationException.ThrowIfAny("dataflow '" + input.FlowName + "'", await Client.FlowService.ValidateDataflowAsync(request, knownSpecs, cancellation).ConfigureAwait(false));

            var flows = Client.FlowService.Flows;
            var result = await new CreateOrReuse<Dataflow>
            {
                Kind = "dataflow",
                Key = input.FlowName,
                Action = "Create dataflow (" + (schedule is null ? "streaming" : schedule.Frequency + (schedule.Interval is int every ? " every " + every : string.Empty)) + ")",
                Find = cancel => flows.Names.FindAsync(input.FlowName, cancel),
                FindFresh = cancel => flows.FindByNameFreshAsync(input.FlowName, cancel),
                Differences = existing => Differences(existing, request, input),
                IdOf = existing => existing.Id,
                Create = cancel => flows.CreateAndBuildAsync(request, written => Built(request, written.Id, written.Etag, WellKnown.EnabledState), cancel),
                Unchangeable = existing => Unchangeable(existing, request),
                Update = input.UpdateExisting
                    ? (existing, cancel) => flows.PatchAndBuildAsync(
                        existing,
                        new[] { schedule is null ? null : Patch.Add("/scheduleParams", schedule, PlatformJsonContext.Default.ScheduleParams), Patch.Add("/transformations", request.Transformations, PlatformJsonContext.Default.ListTransformation) }.OfType<JsonPatchOperation>().ToArray(),
                        written => Built(request, written.Id, written.Etag, existing.State ?? WellKnown.EnabledState),
                        cancel)
                    : null,
                Planned = () => Built(request, Planned.NewId("flow"), null, Planned.State),
                Remedy = "Give the flow another name, remove it first, or use -UpdateExisting to change its schedule and mapping.",
            }.RunAsync(Client, host, Clock).ConfigureAwait(false);
            if (result is null)
            {
                return;
            }

            var flow = result.Part;
            var ids = input.Carried
                .With(PipelineIds.FlowName, input.FlowName)
                .With(PipelineIds.FlowSpecId, input.FlowSpecId)
                .With(PipelineIds.DataflowOutcome, result.Outcome);
            host.WriteObject(flow, ids.PropertiesFor(flow));
        }

        private static Dataflow Built(DataflowRequest request, string id, string? etag, string state) => new Dataflow
        {
            Id = id,
            Etag = etag,
            Name = request.Name,
            Description = request.Description,
            State = state,
            FlowSpec = request.FlowSpec,
            SourceConnectionIds = new ValueList<string>(request.SourceConnectionIds),
            TargetConnectionIds = new ValueList<string>(request.TargetConnectionIds),
            Transformations = new ValueList<Transformation>(request.Transformations),
            ScheduleParams = request.ScheduleParams,
        };

        /// <summary>
        /// What makes a flow of the same name a different one: its spec, connections, mapping and schedule. The start time
        /// counts only when it was given (by default it is "now", which a re-run cannot repeat).
        /// </summary>
        private static IReadOnlyList<string> Differences(Dataflow existing, DataflowRequest wanted, DataflowInput input)
        {
            var differences = new PartDifferences()
                .CompareSets("transformations", MappingsOf(existing.Transformations), MappingsOf(wanted.Transformations))
                .Compare("scheduleParams.frequency", existing.ScheduleParams?.Frequency, wanted.ScheduleParams?.Frequency)
                .Compare("scheduleParams.interval", existing.ScheduleParams?.Interval?.ToString(CultureInfo.InvariantCulture), wanted.ScheduleParams?.Interval?.ToString(CultureInfo.InvariantCulture));
            if (input.StartTime != null && wanted.ScheduleParams != null)
            {
                differences.Compare("scheduleParams.startTime", existing.ScheduleParams?.StartTime.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), wanted.ScheduleParams.StartTime.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
            }

            return Unchangeable(existing, wanted).Concat(differences.Found).ToList();
        }

        /// <summary>The differences the platform does not let a PATCH change: the flow's spec and connections.</summary>
        private static IReadOnlyList<string> Unchangeable(Dataflow existing, DataflowRequest wanted) =>
            new PartDifferences()
                .Compare("flowSpec", existing.FlowSpec?.Id, wanted.FlowSpec.Id)
                .CompareSets("sourceConnectionIds", existing.SourceConnectionIds, wanted.SourceConnectionIds)
                .CompareSets("targetConnectionIds", existing.TargetConnectionIds, wanted.TargetConnectionIds)
                .Found;

        private static IEnumerable<string> MappingsOf(IEnumerable<Transformation>? transformations) =>
            (transformations ?? Enumerable.Empty<Transformation>()).Select(t => t.Name + ":" + t.ParamsJson?["mappingId"] + "@" + t.ParamsJson?["mappingVersion"]);
    }
}
