using System.Management.Automation;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Operations;
using PlatformFlow.Completion;

namespace PlatformFlow.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets flow specs. In a flow pipeline with no name, picks the one that accepts the source's connection spec and passes the ids on.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "FlowSpec", DefaultParameterSetName = ByNameSet, HelpUri = HelpLinks.Cmdlets + "Get-FlowSpec.md")]
    [OutputType(typeof(FlowSpec))]
    public sealed class GetFlowSpecCommand : FlowStepCmdlet
    {
        private const string ByNameSet = "ByName";
        private const string ByIdSet = "ById";
        private GetFlowSpecOperation? _operation;

        /// <summary>The flow spec's name, e.g. CRMToAEP.</summary>
        [Parameter(Position = 0, ParameterSetName = ByNameSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(FlowSpecNameCompleter))]
        public string? Name { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ByIdSet)]
        [Alias("FlowSpecId")]
        [ValidateNotNullOrEmpty]
        public string? Id { get; set; }

        /// <summary>The source's connection spec (from the pipeline): picks the flow spec when no name is given.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByNameSet)]
        public string? ConnectionSpecId { get; set; }

        protected override void ProcessRecord()
        {
            var operation = _operation ??= new GetFlowSpecOperation(ActiveContext.Client);
            var query = CreateQuery(InputObject is null ? null : CarriedIds, InputObject);
            Run(host => operation.RunAsync(query, host));
        }

        /// <summary>The operation's query from the bound parameters; <paramref name="carried"/> is null outside a pipeline.</summary>
        internal FlowSpecQuery CreateQuery(PipelineIds? carried, object? target) => new FlowSpecQuery
        {
            Name = Name,
            Id = Id,
            ConnectionSpecId = ConnectionSpecId,
            Carried = carried ?? new PipelineIds(),
            FromPipeline = carried != null,
            Target = target,
        };
    }
}
