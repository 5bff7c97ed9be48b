using PlatformFlow.Client.Inputs;

namespace PlatformFlow.Commands
{
    /// <summary>
    /// <para type="synopsis">Creates a target connection: the data lake dataset a dataflow writes to. Passes the pipeline's ids on.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "TargetConnection", SupportsShouldProcess = true, HelpUri = HelpLinks.Cmdlets + "New-TargetConnection.md")]
    [OutputType(typeof(TargetConnection))]
    public sealed class NewTargetConnectionCommand : FlowStepCmdlet
    {
        /// <summary>The dataflow's name (from the pipeline); this part is named "NAME target".</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Name")]
        [TrimmedName]
        [ValidateNotNullOrEmpty]
        public string FlowName { get; set; } = string.Empty;

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string DatasetId { get; set; } = string.Empty;

        /// <summary>The target schema's $id; the dataset's schema when omitted.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? SchemaId { get; set; }

        /// <summary>The target connection spec (name or id); the data lake by default.</summary>
        [Parameter]
        public string? TargetConnectionSpec { get; set; }

        [Parameter]
        public string? Description { get; set; }

        /// <summary>A part of the same name that differs in what can be changed is changed to what this asks, instead of refused.</summary>
        [Parameter]
        public SwitchParameter UpdateExisting { get; set; }

        protected override void ProcessRecord()
        {
            var operation = OperationFor(client => new NewTargetConnectionOperation(client));
            var input = CreateInput(CarriedIds, ErrorTarget(FlowName));
            operation.Announce(input, StopToken);
            Run(host => operation.RunAsync(input, host));
        }

        /// <summary>The operation's input from the bound parameters (no PowerShell calls: tests use it directly).</summary>
        internal TargetConnectionInput CreateInput(PipelineIds carried, object? target) => new TargetConnectionInput
        {
            FlowName = FlowName,
            DatasetId = DatasetId,
            SchemaId = SchemaId,
            ConnectionSpec = TargetConnectionSpec,
            Description = Description,
            Carried = carried,
            Target = target,
            UpdateExisting = UpdateExisting,
        };
    }
}
