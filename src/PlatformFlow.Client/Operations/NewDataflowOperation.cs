using PlatformFlow.Client.Errors;
using PlatformFlow.Client.Inputs;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Parts;

namespace PlatformFlow.Client.Operations
{
    /// <summary>
    /// New-Dataflow: builds the schedule (rejecting what the platform would reject before any request), checks the flow
    /// against its flow spec as the platform does, then <c>POST /flows</c>.
    /// </summary>
    public sealed class NewDataflowOperation(PlatformClient client, TimeProvider? clock = null) : PlatformOperation(client, clock)
    {
        /// <summary>A row taken ahead (-ThrottleLimit): its flow's name is looked up already, with the other rows' names (until <paramref name="stopping"/>).</summary>
        public void Announce(DataflowInput input, System.Threading.CancellationToken stopping)
        {
            if (!string.IsNullOrWhiteSpace(input.FlowName))
            {
                Client.FlowService.Flows.Names.Announce(input.FlowName, stopping);
            }
        }

        public Task RunAsync(DataflowInput input, IOperationHost host) =>
            ForInputAsync(host, input.Target ?? input.FlowName, input.FlowName, "NewDataflow", () =>
                PipelineRollback.GuardAsync(Client, input.FlowName, input.Carried, input.RollbackOnError, lastStep: true, host, () => CreateAsync(input, host)));

        private async Task CreateAsync(DataflowInput input, IOperationHost host)
        {
            var cancellation = host.Cancellation;
            var schedule = await StreamingFlows.TakesScheduleAsync(Client, input.FlowSpecId, input.FlowName, host).ConfigureAwait(false)
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

            var request = FlowPart.Request(
                input.FlowName,
                input.Description,
                input.FlowSpecId,
                input.SourceConnectionIds,
                input.TargetConnectionIds,
                transformations,
                schedule,
                input.PartialIngestionPercent is double percent ? new DataflowOptions { PartialIngestionPercent = percent } : null);

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

            var creation = FlowPart.CreateOrReuse(Client, request, startTimeCounts: input.StartTime != null);
            creation.Action = "Create dataflow (" + (schedule is null ? "streaming" : schedule.Frequency + (schedule.Interval is int every ? " every " + every : string.Empty)) + ")";
            creation.Update = input.UpdateExisting ? (existing, cancel) => FlowPart.UpdateAsync(Client, existing, request, input.StartTime != null, cancel) : null;
            creation.Remedy = "Give the flow another name, remove it first, or use " + CmdletTerms.UpdateExisting + " to change its schedule and mapping.";
            var result = await creation.RunAsync(Client, host, Clock).ConfigureAwait(false);
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
    }
}
