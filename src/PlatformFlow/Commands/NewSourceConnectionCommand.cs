using System.Management.Automation;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Operations;
using PlatformFlow.Completion;
using PlatformFlow.Hosting;
using PlatformFlow.Shared;

namespace PlatformFlow.Commands
{
    /// <summary>
    /// <para type="synopsis">Creates a source connection: which table (or file) of a base connection a dataflow reads. First step of the flow pipeline.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "SourceConnection", SupportsShouldProcess = true, DefaultParameterSetName = TableSet, HelpUri = HelpLinks.Cmdlets + "New-SourceConnection.md")]
    [OutputType(typeof(SourceConnection))]
    public sealed class NewSourceConnectionCommand : FlowStepCmdlet
    {
        private const string TableSet = "Table";
        private const string FileSet = "File";
        private NewSourceConnectionOperation? _operation;

        /// <summary>The dataflow's name; each part is named after it (this one "NAME source"). A CSV column "Name" binds here.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Name")]
        [TrimmedName]
        [ValidateNotNullOrEmpty]
        public string FlowName { get; set; } = string.Empty;

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string BaseConnectionId { get; set; } = string.Empty;

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

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Description { get; set; }

        /// <summary>A part of the same name that differs in what can be changed is changed to what this asks, instead of refused.</summary>
        [Parameter]
        public SwitchParameter UpdateExisting { get; set; }

        protected override void ProcessRecord()
        {
            var operation = OperationFor(ref _operation, client => new NewSourceConnectionOperation(client));
            if (TryConvert(() => CreateInput(CarriedIds, ErrorTarget(FlowName)), ErrorTarget(FlowName), out var input))
            {
                Run(host => operation.RunAsync(input, host));
            }
        }

        /// <summary>The operation's input from the bound parameters (no PowerShell calls: tests use it directly).</summary>
        internal SourceConnectionInput CreateInput(PipelineIds carried, object? target) => new SourceConnectionInput
        {
            FlowName = FlowName,
            BaseConnectionId = BaseConnectionId,
            TableName = string.IsNullOrEmpty(Path) ? TableName : null,
            Path = string.IsNullOrEmpty(Path) ? null : Path,
            Columns = InputConversion.Columns(Column),
            Format = Format,
            Description = Description,
            Carried = carried,
            Target = target,
            UpdateExisting = UpdateExisting,
        };
    }
}
