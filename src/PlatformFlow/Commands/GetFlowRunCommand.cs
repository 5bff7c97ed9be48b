using System;
using System.Linq;
using System.Management.Automation;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Operations;
using PlatformFlow.Completion;

namespace PlatformFlow.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets flow runs: a flow's runs (Get-Dataflow | Get-FlowRun), optionally by status and since a time, or one run by id.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "FlowRun", DefaultParameterSetName = ByFlowSet, HelpUri = HelpLinks.Cmdlets + "Get-FlowRun.md")]
    [OutputType(typeof(FlowRun))]
    public sealed class GetFlowRunCommand : PlatformCmdlet
    {
        private const string ByFlowSet = "ByFlow";
        private const string ByIdSet = "ById";
        private GetFlowRunOperation? _operation;

        /// <summary>The flow whose runs to list; a piped flow's Id binds here.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByFlowSet, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        public string? FlowId { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ByIdSet)]
        [ValidateNotNullOrEmpty]
        public string? RunId { get; set; }

        /// <summary>Only runs with one of these statuses (any case): Queued, InProgress, Success, PartialSuccess, Failed...</summary>
        [Parameter(ParameterSetName = ByFlowSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(RunStatusCompleter))]
        public string[] Status { get; set; } = Array.Empty<string>();

        /// <summary>Only runs created after this time.</summary>
        [Parameter(ParameterSetName = ByFlowSet)]
        public DateTimeOffset? Since { get; set; }

        protected override void ProcessRecord()
        {
            var operation = _operation ??= new GetFlowRunOperation(ActiveContext.Client);
            if (TryConvert(CreateInput, FlowId ?? RunId, out var query))
            {
                Run(host => operation.RunAsync(query, host));
            }
        }

        /// <summary>The operation's query from the bound parameters (no PowerShell calls: tests use it directly).</summary>
        internal FlowRunQuery CreateInput() => new FlowRunQuery
        {
            FlowId = FlowId,
            RunId = RunId,
            Statuses = Status.Select(ParseStatus).ToList(),
            Since = Since,
            Target = FlowId ?? RunId,
        };

        private static RunStatus ParseStatus(string text)
        {
            var status = RunStatusNames.Parse(text);
            return status != RunStatus.Unknown
                ? status
                : throw new ArgumentException("'" + text + "' is not a run status; use one of " + string.Join(", ", Enum.GetNames(typeof(RunStatus)).Where(n => n != nameof(RunStatus.Unknown))) + ".");
        }
    }
}
