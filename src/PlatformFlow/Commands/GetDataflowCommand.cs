using PlatformFlow.Client.Relations;

namespace PlatformFlow.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets dataflows: by id, by name (wildcards), by the platform's filters, or all, streamed page by page; -Count asks the platform for the number alone.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "Dataflow", DefaultParameterSetName = ByNameSet, SupportsPaging = true, HelpUri = HelpLinks.Cmdlets + "Get-Dataflow.md")]
    [OutputType(typeof(Dataflow))]
    [OutputType("System.Int64", ParameterSetName = new[] { CountSet })]
    public sealed class GetDataflowCommand : GetFlowServiceResourceCmdlet
    {
        private const string CountSet = "Count";

        [Parameter(Mandatory = true, ParameterSetName = ByIdSet)]
        [Alias("FlowId")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ResourceIdCompleter))]
        [ValidateIdLength]
        public string? Id { get; set; }

        protected override ResourceKind Kind => ResourceKind.Dataflow;

        /// <summary>Output the number of flows (all, or those -Filter keeps), counted by the platform; nothing is listed.</summary>
        [Parameter(Mandatory = true, ParameterSetName = CountSet)]
        [Parameter(ParameterSetName = ByFilterSet)]
        public SwitchParameter Count { get; set; }

        protected override void ProcessRecord()
        {
            var operation = OperationFor(client => new GetDataflowOperation(client));
            if (Count)
            {
                var query = QueryFor(null);
                Run(host => operation.CountOnlyAsync(query, host));
            }
            else
            {
                RunQuery(Id, operation.RunAsync);
            }
        }
    }
}
