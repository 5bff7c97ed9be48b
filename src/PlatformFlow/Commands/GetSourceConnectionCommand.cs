using System.Management.Automation;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Operations;

namespace PlatformFlow.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets source connections: by id, by name (wildcards), by the platform's filters, or all, streamed page by page.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "SourceConnection", DefaultParameterSetName = ByNameSet, SupportsPaging = true, HelpUri = HelpLinks.Cmdlets + "Get-SourceConnection.md")]
    [OutputType(typeof(SourceConnection))]
    public sealed class GetSourceConnectionCommand : GetFlowServiceResourceCmdlet
    {
        private GetSourceConnectionOperation? _operation;

        [Parameter(Mandatory = true, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("SourceConnectionId")]
        [ValidateNotNullOrEmpty]
        public string? Id { get; set; }

        protected override void ProcessRecord()
        {
            var operation = _operation ??= new GetSourceConnectionOperation(ActiveContext.Client);
            var query = QueryFor(Id);
            Run(host => operation.RunAsync(query, host));
        }
    }
}
