namespace PlatformFlow.Client.Models
{
    /// <summary>
    /// One table of a base connection as Get-SourceTable describes it. Its property names are New-SourceConnection's
    /// parameters (BaseConnectionId, TableName, Columns), so the object pipes straight into it.
    /// </summary>
    public sealed class SourceTable : IRecordRows
    {
        public SourceTable(string baseConnectionId, string tableName, IReadOnlyList<SourceColumn> columns, IReadOnlyList<PropertyBag>? preview)
        {
            BaseConnectionId = baseConnectionId;
            TableName = tableName;
            Columns = new ValueList<SourceColumn>(columns);
            Preview = preview is null ? null : new ValueList<object>(preview);
        }

        public string BaseConnectionId { get; }

        public string TableName { get; }

        public ValueList<SourceColumn> Columns { get; }

        /// <summary>Sample rows, when asked for with -Preview; null otherwise (see <see cref="IRecordRows"/>).</summary>
        public IReadOnlyList<object>? Preview { get; set; }
    }
}
