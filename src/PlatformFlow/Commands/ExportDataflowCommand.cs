using System.IO;
using System.Management.Automation;
using PlatformFlow.Client.Operations;

namespace PlatformFlow.Commands
{
    /// <summary>
    /// <para type="synopsis">Writes dataflows down as definition files: the flow and its parts, every reference by name, nothing secret; a re-export of an unchanged flow is byte-identical.</para>
    /// </summary>
    [Cmdlet(VerbsData.Export, "Dataflow", SupportsShouldProcess = true, HelpUri = HelpLinks.Cmdlets + "Export-Dataflow.md")]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportDataflowCommand : PlatformCmdlet
    {
        private ExportDataflowOperation? _operation;

        /// <summary>A folder (one file per flow, named after it) or, for one flow, a file.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("FlowId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = string.Empty;

        protected override void ProcessRecord()
        {
            var operation = _operation ??= new ExportDataflowOperation(ActiveContext.Client);
            var input = CreateInput(SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path));
            Run(host => operation.RunAsync(input, host));
        }

        /// <summary>The operation's input; <paramref name="fullPath"/> is -Path resolved against the current location.</summary>
        internal DataflowExportInput CreateInput(string fullPath) => new DataflowExportInput
        {
            FlowId = Id,
            Path = fullPath,
            IsFolder = Directory.Exists(fullPath) || Path.EndsWith("/", System.StringComparison.Ordinal) || Path.EndsWith("\\", System.StringComparison.Ordinal),
            Target = Id,
        };
    }
}
