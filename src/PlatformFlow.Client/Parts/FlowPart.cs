using System.Globalization;
using System.Text.Json;
using PlatformFlow.Client.Errors;
using PlatformFlow.Client.Json;
using PlatformFlow.Client.Models;

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

        public static DataflowRequest Request(string name, string? description, string flowSpecId, IEnumerable<string> sourceConnectionIds, IEnumerable<string> targetConnectionIds, IEnumerable<Transformation> transformations, ScheduleParams? schedule, DataflowOptions? options = null) => new DataflowRequest
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

        /// <summary>The flow a request makes (no read back), before its write gives it an id, etag and state.</summary>
        public static Dataflow Built(DataflowRequest request) => new Dataflow
        {
            Name = request.Name,
            Description = request.Description,
            FlowSpec = request.FlowSpec,
            SourceConnectionIds = new ValueList<string>(request.SourceConnectionIds),
            TargetConnectionIds = new ValueList<string>(request.TargetConnectionIds),
            Transformations = new ValueList<Transformation>(request.Transformations),
            ScheduleParams = request.ScheduleParams,
            Options = request.Options,
        };

        /// <summary>
        /// How an existing flow differs from the wanted one, as the message and as the JSON Patch that changes it (the
        /// pipeline's -UpdateExisting and Import-Dataflow send the same patch): its spec and connections (which no patch
        /// changes), mapping, schedule (patched as a whole), partial-ingestion threshold (only when the request gives one:
        /// without it, the platform's default) and, for a definition, its description.
        /// </summary>
        /// <param name="startTimeCounts">Whether the start time counts: a pipeline's default is "now", which a re-run cannot repeat.</param>
        /// <param name="descriptionCounts">Whether the description counts: a definition sets it; a pipeline step reuses a flow whatever its description.</param>
        /// <param name="mappingChanges">A definition's mapping set changes (the plan knows that, not the flow): the transformations change once it is written.</param>
        public static PartDiff Diff(Dataflow existing, DataflowRequest wanted, bool startTimeCounts, bool descriptionCounts = false, bool mappingChanges = false)
        {
            var diff = Unchangeable(existing, wanted);
            if (descriptionCounts)
            {
                diff.Text("description", existing.Description, wanted.Description);
            }

            if (mappingChanges)
            {
                diff.Changed("transformations");
            }
            else
            {
                diff.Set("transformations", MappingsOf(existing.Transformations), MappingsOf(wanted.Transformations), JsonSerializer.SerializeToNode(wanted.Transformations, PlatformJsonContext.Default.ListTransformation));
            }

            if (wanted.ScheduleParams is ScheduleParams schedule)
            {
                diff.Whole("scheduleParams", JsonSerializer.SerializeToNode(schedule, PlatformJsonContext.Default.ScheduleParams)!, members => ScheduleDiff(members, existing.ScheduleParams, schedule, startTimeCounts));
            }

            if (wanted.Options is DataflowOptions options && options.PartialIngestionPercent is double percent)
            {
                diff.Whole("options", JsonSerializer.SerializeToNode(options, PlatformJsonContext.Default.DataflowOptions)!, members =>
                    members.Text("options.partialIngestionPercent", existing.PartialIngestionPercent?.ToString(CultureInfo.InvariantCulture), percent.ToString(CultureInfo.InvariantCulture)));
            }

            return diff;
        }

        private static PartDiff ScheduleDiff(PartDiff diff, ScheduleParams? existing, ScheduleParams wanted, bool startTimeCounts)
        {
            diff.Text("scheduleParams.frequency", existing?.Frequency, wanted.Frequency)
                .Text("scheduleParams.interval", existing?.Interval?.ToString(CultureInfo.InvariantCulture), wanted.Interval?.ToString(CultureInfo.InvariantCulture));
            if (startTimeCounts)
            {
                diff.Text("scheduleParams.startTime", existing?.StartTime.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), wanted.StartTime.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
            }

            // A schedule given without backfill takes the platform's default, as a flow made without it did.
            return wanted.Backfill is bool backfill
                ? diff.Text("scheduleParams.backfill", (existing?.Backfill ?? false) ? "true" : "false", backfill ? "true" : "false")
                : diff;
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
                () => Built(request), "flow");

        /// <summary>Changes what differs of <paramref name="existing"/> (its mapping, schedule and, when given, options) to <paramref name="wanted"/>'s: the patch of <see cref="Diff"/>.</summary>
        public static Task<Dataflow> UpdateAsync(PlatformClient client, Dataflow existing, DataflowRequest wanted, bool startTimeCounts, CancellationToken cancellationToken) =>
            client.FlowService.Flows.PatchAndBuildAsync(
                existing,
                Diff(existing, wanted, startTimeCounts).Patch,
                written => NamedPart.Written(Built(wanted), written.Id, written.Etag, existing.State ?? WellKnown.EnabledState),
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
