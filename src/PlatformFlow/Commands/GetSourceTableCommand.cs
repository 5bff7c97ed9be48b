using PlatformFlow.Client.Inputs;

namespace PlatformFlow.Commands
{
    /// <summary>
    /// <para type="synopsis">Explores a base connection: lists its tables, or describes one table (its columns, and sample rows with -Preview) in a form that pipes into New-SourceConnection.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "SourceTable", DefaultParameterSetName = ListSet, HelpUri = HelpLinks.Cmdlets + "Get-SourceTable.md")]
    [OutputType(typeof(ExploreItem), ParameterSetName = new[] { ListSet })]
    [OutputType(typeof(SourceTable), ParameterSetName = new[] { TableSet })]
    public sealed class GetSourceTableCommand : PlatformCmdlet
    {
        private const string ListSet = "List";
        private const string TableSet = "Table";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ListSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = TableSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string BaseConnectionId { get; set; } = string.Empty;

        /// <summary>The table to describe, e.g. Shopify.Orders (a path from the list).</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = TableSet, ValueFromPipelineByPropertyName = true)]
        [Alias("Table", "Path")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(SourceTableCompleter))]
        public string? TableName { get; set; }

        /// <summary>Also read the table's sample rows (property Preview).</summary>
        [Parameter(ParameterSetName = TableSet)]
        public SwitchParameter Preview { get; set; }

        protected override void ProcessRecord()
        {
            var operation = OperationFor(client => new GetSourceTableOperation(client));
            var query = CreateInput(Preview.IsPresent);
            Run(host => operation.RunAsync(query, host));
        }

        /// <summary>The operation's query from the bound parameters (no PowerShell calls: tests use it directly).</summary>
        internal SourceTableQuery CreateInput(bool preview) => new SourceTableQuery
        {
            BaseConnectionId = BaseConnectionId,
            TableName = TableName,
            Preview = preview,
            Target = TableName ?? BaseConnectionId,
        };
    }
}
