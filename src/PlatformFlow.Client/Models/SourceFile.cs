using System.Collections.Generic;

namespace PlatformFlow.Client.Models
{
    /// <summary>
    /// One file of a file source (cloud storage, the Data Landing Zone) as Get-SourceFile describes it. Its property names
    /// are New-SourceConnection's file parameters (BaseConnectionId, Path, Format, Columns), so it pipes straight into it.
    /// </summary>
    public sealed class SourceFile
    {
        public SourceFile(string baseConnectionId, string path, string format, IReadOnlyList<SourceColumn> columns, IReadOnlyList<PropertyBag>? preview)
        {
            BaseConnectionId = baseConnectionId;
            Path = path;
            Format = format;
            Columns = new ValueList<SourceColumn>(columns);
            Preview = preview is null ? null : new ValueList<PropertyBag>(preview);
        }

        public string BaseConnectionId { get; }

        public string Path { get; }

        /// <summary>How the file is read: delimited, json or parquet.</summary>
        public string Format { get; }

        public ValueList<SourceColumn> Columns { get; }

        /// <summary>Sample rows, when asked for with -Preview; null otherwise.</summary>
        public ValueList<PropertyBag>? Preview { get; }
    }
}
