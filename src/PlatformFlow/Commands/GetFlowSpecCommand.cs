using PlatformFlow.Client.Inputs;
using PlatformFlow.Client.Relations;

namespace PlatformFlow.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets flow specs. In a flow pipeline with no name, picks the one that accepts the source's connection spec and passes the ids on.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "FlowSpec", DefaultParameterSetName = ByNameSet, HelpUri = HelpLinks.Cmdlets + "Get-FlowSpec.md")]
    [OutputType(typeof(FlowSpec))]
    public sealed class GetFlowSpecCommand : FlowStepCmdlet
    {
        /// <summary>The flow spec's name, e.g. CRMToAEP.</summary>
        [Parameter(Position = 0, ParameterSetName = ByNameSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(FlowSpecNameCompleter))]
        public string? Name { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ByIdSet)]
        [Alias("FlowSpecId")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ResourceIdCompleter))]
        [ValidateIdLength]
        public string? Id { get; set; }

        /// <summary>The source's connection spec (from the pipeline): picks the flow spec when no name is given.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByNameSet)]
        public string? ConnectionSpecId { get; set; }

        protected override void ProcessRecord()
        {
            var operation = OperationFor(client => new GetFlowSpecOperation(client));
            if (Id != null || (Name is null && StandsForFlowSpec(InputObject?.BaseObject)))
            {
                // -Id (a flow spec's id or name), or a flow or a run piped in: its own flow spec, not one picked for a new flow.
                ForEachId(ResourceKind.FlowSpec, InputObject, Id, (host, id) => operation.RunAsync(CreateQuery(null, InputObject, id), host));
                return;
            }

            var query = CreateQuery(InputObject is null ? null : CarriedIds, InputObject);
            Run(host => operation.RunAsync(query, host));
        }

        private static bool StandsForFlowSpec(object? piped) => piped is string || piped is Dataflow || piped is FlowRun || piped is FlowSpec;

        /// <summary>The operation's query from the bound parameters; <paramref name="carried"/> is null outside a pipeline.</summary>
        /// <param name="id">The flow spec to read; -Id when null.</param>
        internal FlowSpecQuery CreateQuery(PipelineIds? carried, object? target, string? id = null) => new FlowSpecQuery
        {
            Name = Name,
            Id = id ?? Id,
            ConnectionSpecId = ConnectionSpecId,
            Carried = carried ?? new PipelineIds(),
            FromPipeline = carried != null,
            Target = target,
        };
    }
}
