using PlatformFlow.Client.Inputs;
using PlatformFlow.Shared;

namespace PlatformFlow.Commands
{
    /// <summary>
    /// <para type="synopsis">Creates a source connection: which table (or file) of a base connection a dataflow reads. First step of the flow pipeline.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "SourceConnection", SupportsShouldProcess = true, DefaultParameterSetName = ReadSet, HelpUri = HelpLinks.Cmdlets + "New-SourceConnection.md")]
    [OutputType(typeof(SourceConnection))]
    public sealed class NewSourceConnectionCommand : FlowStepCmdlet
    {
        private const string TableSet = "Table";
        private const string FileSet = "File";
        private const string StreamSet = "Stream";

        // The default names no set on purpose: PowerShell binds piped properties in the default set first and keeps that
        // set, so a file (Path) piped in would be bound as a table; with no default, the piped properties pick the set.
        private const string ReadSet = "TableOrFile";

        /// <summary>The dataflow's name; each part is named after it (this one "NAME source"). A CSV column "Name" binds here.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Name")]
        [TrimmedName]
        [ValidateNotNullOrEmpty]
        public string FlowName { get; set; } = string.Empty;

        /// <summary>
        /// The source's base connection; a file source without one (the Data Landing Zone) gives -ConnectionSpecId instead.
        /// A streaming source (HTTP API) needs only this: its records come to the connection's inlet (Send-StreamingRecord).
        /// </summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = TableSet)]
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = StreamSet)]
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = FileSet)]
        [AllowNull]
        [AllowEmptyString]
        public string BaseConnectionId { get; set; } = string.Empty;

        /// <summary>The connection spec of a file source without a base connection (the Data Landing Zone); Get-SourceFile -ConnectionSpec gives it.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = FileSet)]
        [AllowNull]
        public string? ConnectionSpecId { get; set; }

        /// <summary>The table to read, e.g. Shopify.Orders (Get-SourceTable lists them).</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = TableSet)]
        [Alias("Table", "Object")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(SourceTableCompleter))]
        public string TableName { get; set; } = string.Empty;

        /// <summary>The file to read (file sources).</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = FileSet)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        /// <summary>
        /// Columns: names (Email, or Email:string), objects from Get-SourceTable, or one CSV cell "Email;Phone".
        /// All of the table's columns when omitted.
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Columns")]
        [ArgumentCompleter(typeof(SourceColumnCompleter))]
        public object[]? Column { get; set; }

        /// <summary>tabular for tables (default); delimited (default for files), json or parquet for files.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateSet(SourceFormats.Tabular, SourceFormats.Delimited, SourceFormats.Json, SourceFormats.Parquet, IgnoreCase = true)]
        public string? Format { get; set; }

        /// <summary>The column delimiter of a delimited file, one character (the platform reads a comma when omitted).</summary>
        [Parameter(ParameterSetName = FileSet, ValueFromPipelineByPropertyName = true)]
        [ValidateLength(1, 1)]
        public string? ColumnDelimiter { get; set; }

        /// <summary>How the file is compressed; read uncompressed when omitted.</summary>
        [Parameter(ParameterSetName = FileSet, ValueFromPipelineByPropertyName = true)]
        [ValidateSet("bzip2", "gzip", "deflate", "zipDeflate", "tarGzip", "tar", IgnoreCase = true)]
        public string? Compression { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Description { get; set; }

        /// <summary>A part of the same name that differs in what can be changed is changed to what this asks, instead of refused.</summary>
        [Parameter]
        public SwitchParameter UpdateExisting { get; set; }

        protected override void ProcessRecord()
        {
            var operation = OperationFor(client => new NewSourceConnectionOperation(client));
            if (TryConvert(() => CreateInput(CarriedIds, ErrorTarget(FlowName)), ErrorTarget(FlowName), out var input))
            {
                operation.Announce(input, StopToken);
                Run(host => operation.RunAsync(input, host));
            }
        }

        /// <summary>The operation's input from the bound parameters (no PowerShell calls: tests use it directly).</summary>
        internal SourceConnectionInput CreateInput(PipelineIds carried, object? target) => new SourceConnectionInput
        {
            FlowName = FlowName,
            BaseConnectionId = BaseConnectionId ?? string.Empty,
            ConnectionSpecId = string.IsNullOrEmpty(ConnectionSpecId) ? null : ConnectionSpecId,
            TableName = string.IsNullOrEmpty(Path) ? TableName : null,
            Path = string.IsNullOrEmpty(Path) ? null : Path,
            Columns = InputConversion.Columns(Column),
            Format = Format,
            ColumnDelimiter = ColumnDelimiter,
            Compression = Compression,
            Description = Description,
            Carried = carried,
            Target = target,
            UpdateExisting = UpdateExisting,
        };
    }
}
