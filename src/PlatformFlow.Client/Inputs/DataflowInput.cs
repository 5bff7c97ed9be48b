namespace PlatformFlow.Client.Inputs
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

        /// <summary>The flow's partial-ingestion threshold (<c>options.partialIngestionPercent</c>); the platform's default when null.</summary>
        public double? PartialIngestionPercent { get; set; }

        public PipelineIds Carried { get; set; } = new PipelineIds();

        /// <summary>When the flow cannot be made, remove the parts the pipeline created for it (-RollbackOnError) instead of naming them in a warning.</summary>
        public bool RollbackOnError { get; set; }

        /// <summary>Change a part of the same name that differs (where it can be changed) instead of refusing it.</summary>
        public bool UpdateExisting { get; set; }

        public object? Target { get; set; }
    }
}
