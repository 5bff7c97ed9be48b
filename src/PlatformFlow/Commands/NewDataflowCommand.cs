using System;
using PlatformFlow.Client.Inputs;

namespace PlatformFlow.Commands
{
    /// <summary>
    /// <para type="synopsis">Creates a dataflow: source and target connections, a mapping and a schedule under a flow spec. Last step of the flow pipeline.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "Dataflow", SupportsShouldProcess = true, HelpUri = HelpLinks.Cmdlets + "New-Dataflow.md")]
    [OutputType(typeof(Dataflow))]
    public sealed class NewDataflowCommand : FlowStepCmdlet
    {
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Name")]
        [TrimmedName]
        [ValidateNotNullOrEmpty]
        public string FlowName { get; set; } = string.Empty;

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string FlowSpecId { get; set; } = string.Empty;

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("SourceConnectionIds")]
        [ValidateNotNullOrEmpty]
        public string[] SourceConnectionId { get; set; } = Array.Empty<string>();

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("TargetConnectionIds")]
        [ValidateNotNullOrEmpty]
        public string[] TargetConnectionId { get; set; } = Array.Empty<string>();

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("MappingId")]
        public string? MappingSetId { get; set; }

        /// <summary>The mapping set's version; its current one when omitted.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("MappingVersion")]
        public int? MappingSetVersion { get; set; }

        [Parameter]
        [ValidateSet("Once", "Minute", "Hour", "Day", "Week", IgnoreCase = true)]
        public string Frequency { get; set; } = "Once";

        /// <summary>Units of -Frequency between runs: at least 15 for Minute, 1 for the rest; not with Once.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int? Interval { get; set; }

        /// <summary>When the schedule starts (sent as epoch seconds); now by default.</summary>
        [Parameter]
        public DateTimeOffset? StartTime { get; set; }

        /// <summary>Ingest the data from before the start time too (not with Once). -Backfill:$false sends false.</summary>
        [Parameter]
        public SwitchParameter Backfill { get; set; }

        [Parameter]
        public string? Description { get; set; }

        /// <summary>The percent of a run's records that may fail before the whole run fails and nothing lands (the flow's options.partialIngestionPercent).</summary>
        [Parameter]
        public double? PartialIngestionPercent { get; set; }

        /// <summary>When the flow cannot be made, remove the source and target connections the pipeline created for that row; without it a warning names them.</summary>
        [Parameter]
        public SwitchParameter RollbackOnError { get; set; }

        /// <summary>A part of the same name that differs in what can be changed is changed to what this asks, instead of refused.</summary>
        [Parameter]
        public SwitchParameter UpdateExisting { get; set; }

        protected override void ProcessRecord()
        {
            var operation = OperationFor(client => new NewDataflowOperation(client));
            var input = CreateInput(CarriedIds, ErrorTarget(FlowName), MyInvocation.BoundParameters.ContainsKey(nameof(Backfill)));
            CountInput("Creating dataflows", FlowName);
            operation.Announce(input, StopToken);
            Run(host => operation.RunAsync(input, host));
        }

        /// <summary>The operation's input from the bound parameters (no PowerShell calls: tests use it directly).</summary>
        /// <param name="backfillGiven">Whether -Backfill was given at all: absent sends nothing, -Backfill:$false sends false.</param>
        internal DataflowInput CreateInput(PipelineIds carried, object? target, bool backfillGiven) => new DataflowInput
        {
            FlowName = FlowName,
            FlowSpecId = FlowSpecId,
            SourceConnectionIds = SourceConnectionId,
            TargetConnectionIds = TargetConnectionId,
            MappingSetId = MappingSetId,
            MappingSetVersion = MappingSetVersion,
            Frequency = Frequency,
            Interval = Interval,
            StartTime = StartTime,
            Backfill = backfillGiven ? Backfill.IsPresent : (bool?)null,
            Description = Description,
            PartialIngestionPercent = PartialIngestionPercent,
            Carried = carried,
            RollbackOnError = RollbackOnError.IsPresent,
            Target = target,
            UpdateExisting = UpdateExisting,
        };
    }
}
