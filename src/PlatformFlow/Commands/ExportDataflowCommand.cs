using System.IO;
using PlatformFlow.Client.Inputs;
using PlatformFlow.Client.Relations;

namespace PlatformFlow.Commands
{
    /// <summary>
    /// <para type="synopsis">Writes dataflows down as definition files: the flow and its parts, every reference by name, nothing secret; a re-export of an unchanged flow is byte-identical.</para>
    /// </summary>
    [Cmdlet(VerbsData.Export, "Dataflow", DefaultParameterSetName = ByIdSet, SupportsShouldProcess = true, HelpUri = HelpLinks.Cmdlets + "Export-Dataflow.md")]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportDataflowCommand : BulkCmdlet
    {
        /// <summary>A folder (one file per flow, named after it) or, for one flow, a file.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        [Parameter(Mandatory = true, ParameterSetName = ByIdSet)]
        [Alias("FlowId")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ResourceIdCompleter))]
        [ValidateIdLength]
        public string Id { get; set; } = string.Empty;

        /// <summary>A piped flow (or anything that stands for one: a run, an id as a string), read through the context it came from.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByInputObjectSet)]
        public PSObject? InputObject { get; set; }

        protected override PSObject? PipedInput => InputObject;

        protected override void ProcessRecord()
        {
            var operation = OperationFor(client => new ExportDataflowOperation(client));
            var fullPath = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
            ForEachId(ResourceKind.Dataflow, InputObject, Id, (host, id) => operation.RunAsync(CreateInput(fullPath, id), host));
        }

        /// <summary>The operation's input; <paramref name="fullPath"/> is -Path resolved against the current location.</summary>
        internal DataflowExportInput CreateInput(string fullPath, string flowId) => new DataflowExportInput
        {
            FlowId = flowId,
            Path = fullPath,
            IsFolder = Directory.Exists(fullPath) || Path.EndsWith("/", System.StringComparison.Ordinal) || Path.EndsWith("\\", System.StringComparison.Ordinal),
            Target = (object?)InputObject ?? flowId,
        };
    }
}
