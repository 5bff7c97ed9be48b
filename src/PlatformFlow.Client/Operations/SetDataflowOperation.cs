using System;
using System.Collections.Generic;
using System.Text.Json;
using PlatformFlow.Client.Json;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Validation;

namespace PlatformFlow.Client.Operations
{
    public sealed class DataflowChange : ResourceChange
    {
        /// <summary><c>Once</c>, <c>Minute</c>, <c>Hour</c>, <c>Day</c> or <c>Week</c>; the flow's own when null.</summary>
        public string? Frequency { get; set; }

        public int? Interval { get; set; }

        public DateTimeOffset? StartTime { get; set; }

        public bool? Backfill { get; set; }

        public bool ChangesSchedule => Frequency != null || Interval != null || StartTime != null || Backfill != null;
    }

    /// <summary>
    /// Set-Dataflow: name, description and schedule. A schedule change starts from the flow's current schedule and is
    /// checked by the same rules as New-Dataflow's before anything is sent.
    /// </summary>
    public sealed class SetDataflowOperation : FlowServiceChangeOperation<Dataflow, DataflowRequest, DataflowChange>
    {
        public SetDataflowOperation(PlatformClient client, TimeProvider? clock = null)
            : base(client, client.FlowService.Flows, "dataflow", "SetDataflow", clock)
        {
        }

        protected override string ChangeableParameters => "-Name, -Description, -Frequency, -Interval, -StartTime, -Backfill";

        protected override List<JsonPatchOperation> Changes(DataflowChange change, Dataflow current)
        {
            var operations = base.Changes(change, current);
            if (change.ChangesSchedule)
            {
                var now = current.ScheduleParams;

                // A new frequency starts afresh: the old interval and backfill belong to the old frequency.
                var keepsFrequency = change.Frequency is null;
                var schedule = ScheduleBuilder.Build(
                    change.Frequency ?? now?.Frequency ?? "once",
                    change.Interval ?? (keepsFrequency ? now?.Interval : null),
                    change.StartTime ?? (now is null ? Clock.GetUtcNow() : now.StartTime),
                    change.Backfill ?? (keepsFrequency ? now?.Backfill : null));
                operations.Add(Set("/scheduleParams", JsonSerializer.SerializeToElement(schedule, PlatformJsonContext.Default.ScheduleParams)));
            }

            return operations;
        }
    }
}
