using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PlatformFlow.Client.Errors;
using PlatformFlow.Client.Json;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Operations;

namespace PlatformFlow.Client.Parts
{
    /// <summary>
    /// The flow itself as a part: keyed by its name, found through the context's name index, checked against its flow
    /// spec before any write, built from its request and the create answer, and created once (looked up after an
    /// ambiguous failure).
    /// </summary>
    public static class FlowPart
    {
        public const string Kind = "dataflow";

        public static DataflowRequest Request(string name, string? description, string flowSpecId, IEnumerable<string> sourceConnectionIds, IEnumerable<string> targetConnectionIds, IEnumerable<Transformation> transformations, ScheduleParams schedule, DataflowOptions? options = null) => new DataflowRequest
        {
            Name = name,
            Description = description,
            FlowSpec = new SpecReference(flowSpecId, "1.0"),
            SourceConnectionIds = sourceConnectionIds.ToList(),
            TargetConnectionIds = targetConnectionIds.ToList(),
            Transformations = transformations.ToList(),
            ScheduleParams = schedule,
            Options = options,
        };

        public static Dataflow Built(DataflowRequest request, string id, string? etag, string state) => new Dataflow
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
            Options = request.Options,
        };

        /// <summary>
        /// What makes a flow of the same name a different one: its spec, connections, mapping and schedule, and the
        /// partial-ingestion threshold when the request gives one (the platform's default otherwise). The start time counts
        /// only when <paramref name="startTimeCounts"/> (by default it is "now", which a re-run cannot repeat).
        /// </summary>
        public static PartDiff Diff(Dataflow existing, DataflowRequest wanted, bool startTimeCounts)
        {
            var diff = Unchangeable(existing, wanted)
                .Set("transformations", MappingsOf(existing.Transformations), MappingsOf(wanted.Transformations))
                .Text("scheduleParams.frequency", existing.ScheduleParams?.Frequency, wanted.ScheduleParams.Frequency)
                .Text("scheduleParams.interval", existing.ScheduleParams?.Interval?.ToString(CultureInfo.InvariantCulture), wanted.ScheduleParams.Interval?.ToString(CultureInfo.InvariantCulture));
            if (wanted.Options?.PartialIngestionPercent is double percent)
            {
                diff = diff.Text("options.partialIngestionPercent", existing.PartialIngestionPercent?.ToString(CultureInfo.InvariantCulture), percent.ToString(CultureInfo.InvariantCulture));
            }

            return startTimeCounts
                ? diff.Text("scheduleParams.startTime", existing.ScheduleParams?.StartTime.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), wanted.ScheduleParams.StartTime.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture))
                : diff;
        }

        /// <summary>
        /// What a definition changes on its flow: the description, the whole schedule (backfill and start time included),
        /// and the transformations when its mapping set changes (the plan knows that, not the flow).
        /// </summary>
        public static PartDiff DefinitionDiff(Dataflow existing, DataflowRequest wanted, bool mappingChanges)
        {
            var diff = new PartDiff()
                .Text("description", existing.Description, wanted.Description)
                .Node("scheduleParams", existing.ScheduleParams is null ? null : JsonSerializer.SerializeToNode(existing.ScheduleParams, PlatformJsonContext.Default.ScheduleParams), JsonSerializer.SerializeToNode(wanted.ScheduleParams, PlatformJsonContext.Default.ScheduleParams)!);
            return mappingChanges ? diff.Changed("transformations") : diff;
        }

        /// <summary>The differences the platform does not let a PATCH change: the flow's spec and connections.</summary>
        public static PartDiff Unchangeable(Dataflow existing, DataflowRequest wanted) =>
            new PartDiff()
                .Text("flowSpec", existing.FlowSpec?.Id, wanted.FlowSpec.Id)
                .Set("sourceConnectionIds", existing.SourceConnectionIds, wanted.SourceConnectionIds)
                .Set("targetConnectionIds", existing.TargetConnectionIds, wanted.TargetConnectionIds);

        public static CreateOrReuse<Dataflow> CreateOrReuse(PlatformClient client, DataflowRequest request, bool startTimeCounts) =>
            NamedPart.CreateOrReuse(
                client.FlowService.Flows, Kind, request.Name, request, existing => Diff(existing, request, startTimeCounts), existing => Unchangeable(existing, request),
                written => Built(request, written.Id, written.Etag, WellKnown.EnabledState), () => Built(request, Planned.NewId("flow"), null, Planned.State));

        /// <summary>Changes the schedule and mapping of <paramref name="existing"/> to <paramref name="wanted"/>'s, and its options when given.</summary>
        public static Task<Dataflow> UpdateAsync(PlatformClient client, Dataflow existing, DataflowRequest wanted, CancellationToken cancellationToken) =>
            client.FlowService.Flows.PatchAndBuildAsync(
                existing,
                new[]
                {
                    new JsonPatchOperation("add", "/scheduleParams", JsonSerializer.SerializeToElement(wanted.ScheduleParams, PlatformJsonContext.Default.ScheduleParams)),
                    new JsonPatchOperation("add", "/transformations", JsonSerializer.SerializeToElement(wanted.Transformations, PlatformJsonContext.Default.ListTransformation)),
                }.Concat(wanted.Options is null
                    ? Enumerable.Empty<JsonPatchOperation>()
                    : new[] { new JsonPatchOperation("add", "/options", JsonSerializer.SerializeToElement(wanted.Options, PlatformJsonContext.Default.DataflowOptions)) }).ToList(),
                written => Built(wanted, written.Id, written.Etag, existing.State ?? WellKnown.EnabledState),
                cancellationToken);

        /// <summary>Checks <paramref name="request"/> as the platform would (its spec, schedule and connections), then creates it once.</summary>
        public static async Task<Dataflow> CreateCheckedAsync(PlatformClient client, DataflowRequest request, System.TimeProvider clock, CancellationToken cancellationToken)
        {
            PlatformValidationException.ThrowIfAny("dataflow '" + request.Name + "'", await client.FlowService.ValidateDataflowAsync(request, null, cancellationToken).ConfigureAwait(false));
            return await CreateOrReuse(client, request, startTimeCounts: true).CreateAsync(client, clock, cancellationToken).ConfigureAwait(false);
        }

        private static IEnumerable<string> MappingsOf(IEnumerable<Transformation>? transformations) =>
            (transformations ?? Enumerable.Empty<Transformation>()).Select(t => t.Name + ":" + t.ParamsJson?["mappingId"] + "@" + t.ParamsJson?["mappingVersion"]);
    }
}
