using PlatformFlow.Client.Inputs;

namespace PlatformFlow.Commands
{
    /// <summary>
    /// <para type="synopsis">Explores a file source (Amazon S3, Azure Blob, SFTP, the Data Landing Zone): lists its files, walking its folders, or describes one file (its columns, and sample rows with -Preview) in a form that pipes into New-SourceConnection.</para>
    /// <para type="description">A cmdlet of its own rather than Get-SourceTable: a file has a path in folders and a format (delimited, json, parquet) where a table has neither, and what it describes binds New-SourceConnection's file parameters (Path, Format).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "SourceFile", DefaultParameterSetName = ListSet, HelpUri = HelpLinks.Cmdlets + "Get-SourceFile.md")]
    [OutputType(typeof(ExploreItem), ParameterSetName = new[] { ListSet, SpecListSet })]
    [OutputType(typeof(SourceFile), ParameterSetName = new[] { FileSet, SpecFileSet })]
    public sealed class GetSourceFileCommand : PlatformCmdlet
    {
        private const string ListSet = "List";
        private const string FileSet = "File";
        private const string SpecListSet = "ConnectionSpecList";
        private const string SpecFileSet = "ConnectionSpecFile";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ListSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = FileSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string BaseConnectionId { get; set; } = string.Empty;

        /// <summary>A source explored without a base connection, by connection spec name or id: the Data Landing Zone (landing-zone).</summary>
        [Parameter(Mandatory = true, ParameterSetName = SpecListSet)]
        [Parameter(Mandatory = true, ParameterSetName = SpecFileSet)]
        [ValidateNotNullOrEmpty]
        public string? ConnectionSpec { get; set; }

        /// <summary>The folder whose files (in it and every folder under it) are listed; the source's root when omitted.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [Parameter(ParameterSetName = SpecListSet)]
        [ValidateNotNullOrEmpty]
        public string? Folder { get; set; }

        /// <summary>The file to describe, e.g. /acme/customers/customers.csv (a path from the list).</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = FileSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(Mandatory = true, ParameterSetName = SpecFileSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Path { get; set; }

        /// <summary>How to read the file: delimited, json or parquet; from its extension when omitted (.json, .parquet, else delimited).</summary>
        [Parameter(ParameterSetName = FileSet)]
        [Parameter(ParameterSetName = SpecFileSet)]
        [ValidateSet("delimited", "json", "parquet", IgnoreCase = true)]
        public string? Format { get; set; }

        /// <summary>Also read the file's sample rows (property Preview).</summary>
        [Parameter(ParameterSetName = FileSet)]
        [Parameter(ParameterSetName = SpecFileSet)]
        public SwitchParameter Preview { get; set; }

        protected override void ProcessRecord()
        {
            var operation = OperationFor(client => new GetSourceFileOperation(client));
            var query = CreateInput(Preview.IsPresent);
            Run(host => operation.RunAsync(query, host));
        }

        /// <summary>The operation's query from the bound parameters (no PowerShell calls: tests use it directly).</summary>
        internal SourceFileQuery CreateInput(bool preview) => new SourceFileQuery
        {
            BaseConnectionId = string.IsNullOrEmpty(BaseConnectionId) ? null : BaseConnectionId,
            ConnectionSpec = ConnectionSpec,
            Path = Path,
            Folder = Folder,
            Format = Format,
            Preview = preview,
            Target = Path ?? ConnectionSpec ?? BaseConnectionId,
        };
    }
}
