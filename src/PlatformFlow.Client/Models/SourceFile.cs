namespace PlatformFlow.Client.Models
{
    /// <summary>
    /// One file of a file source (cloud storage, the Data Landing Zone) as Get-SourceFile describes it. Its property names
    /// are New-SourceConnection's file parameters (BaseConnectionId or ConnectionSpecId, Path, Format, Columns), so it pipes straight into it.
    /// </summary>
    public sealed class SourceFile : IRecordRows
    {
        public SourceFile(string? baseConnectionId, string? connectionSpecId, string path, string format, IReadOnlyList<SourceColumn> columns, IReadOnlyList<PropertyBag>? preview)
        {
            BaseConnectionId = baseConnectionId;
            ConnectionSpecId = connectionSpecId;
            Path = path;
            Format = format;
            Columns = new ValueList<SourceColumn>(columns);
            Preview = preview is null ? null : new ValueList<object>(preview);
        }

        /// <summary>Null for a source without a base connection (the Data Landing Zone): <see cref="ConnectionSpecId"/> names it.</summary>
        public string? BaseConnectionId { get; }

        /// <summary>The connection spec of a source without a base connection; null when <see cref="BaseConnectionId"/> names the source.</summary>
        public string? ConnectionSpecId { get; }

        public string Path { get; }

        /// <summary>How the file is read: delimited, json or parquet.</summary>
        public string Format { get; }

        public ValueList<SourceColumn> Columns { get; }

        /// <summary>Sample rows, when asked for with -Preview; null otherwise (see <see cref="IRecordRows"/>).</summary>
        public IReadOnlyList<object>? Preview { get; set; }
    }
}
