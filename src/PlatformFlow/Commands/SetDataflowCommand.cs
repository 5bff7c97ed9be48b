using System;
using PlatformFlow.Client.Inputs;
using PlatformFlow.Client.Relations;

namespace PlatformFlow.Commands
{
    /// <summary>
    /// <para type="synopsis">Changes a dataflow's name, description or schedule (JSON Patch with If-Match). Fails clearly when someone else changed it since it was read; -Force refetches and retries once. Writes nothing unless -PassThru.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "Dataflow", DefaultParameterSetName = ByIdSet, SupportsShouldProcess = true, HelpUri = HelpLinks.Cmdlets + "Set-Dataflow.md")]
    [OutputType(typeof(Dataflow))]
    public sealed class SetDataflowCommand : SetResourceCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet)]
        [Alias("FlowId")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ResourceIdCompleter))]
        [ValidateIdLength]
        public string Id { get; set; } = string.Empty;

        protected override ResourceKind Kind => ResourceKind.Dataflow;

        /// <summary>A new frequency; the flow's interval and backfill are then dropped unless given again.</summary>
        [Parameter]
        [ValidateSet("Once", "Minute", "Hour", "Day", "Week", IgnoreCase = true)]
        public string? Frequency { get; set; }

        /// <summary>Units of the frequency between runs: at least 15 for Minute, 1 for the rest; not with Once.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int? Interval { get; set; }

        /// <summary>When the schedule starts (sent as epoch seconds).</summary>
        [Parameter]
        public DateTimeOffset? StartTime { get; set; }

        /// <summary>Ingest the data from before the start time too (not with Once). -Backfill:$false sends false.</summary>
        [Parameter]
        public SwitchParameter Backfill { get; set; }

        protected override void ProcessRecord()
        {
            var operation = OperationFor(client => new SetDataflowOperation(client));
            var backfill = MyInvocation.BoundParameters.ContainsKey(nameof(Backfill)) ? Backfill.IsPresent : (bool?)null;
            ForEachId(Kind, InputObject, Id, (host, id) => operation.RunAsync(CreateInput(Force.IsPresent, backfill, id), host));
        }

        /// <summary>The operation's input from the bound parameters (no PowerShell calls: tests use it directly).</summary>
        /// <param name="force">-Force's value.</param>
        /// <param name="backfill">-Backfill's value, null when it was not given (the flow's is kept).</param>
        /// <param name="id">The flow to change; -Id when null.</param>
        internal DataflowChange CreateInput(bool force, bool? backfill, string? id = null) => WithCommonChanges(
            new DataflowChange
            {
                Frequency = Frequency,
                Interval = Interval,
                StartTime = StartTime,
                Backfill = backfill,
            },
            id ?? Id,
            force);
    }
}
