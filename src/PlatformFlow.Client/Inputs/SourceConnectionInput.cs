using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.Inputs
{
    public sealed class SourceConnectionInput
    {
        /// <summary>The flow's name; the source connection is named after it.</summary>
        public string FlowName { get; set; } = string.Empty;

        public string BaseConnectionId { get; set; } = string.Empty;

        /// <summary>A file source without a base connection (the Data Landing Zone): its connection spec.</summary>
        public string? ConnectionSpecId { get; set; }

        /// <summary>A table (tabular sources), e.g. <c>Shopify.Orders</c>.</summary>
        public string? TableName { get; set; }

        /// <summary>A file path (file sources).</summary>
        public string? Path { get; set; }

        /// <summary>Columns to read; all of the table's columns when empty. A column without a type takes the table's.</summary>
        public IReadOnlyList<SourceColumn> Columns { get; set; } = Array.Empty<SourceColumn>();

        /// <summary><c>tabular</c> for tables (the default), <c>delimited</c>, <c>json</c> or <c>parquet</c> for files.</summary>
        public string? Format { get; set; }

        /// <summary>A delimited file's column delimiter; the platform's comma when null.</summary>
        public string? ColumnDelimiter { get; set; }

        /// <summary>A file's compression (<c>gzip</c>...); none when null.</summary>
        public string? Compression { get; set; }

        public string? Description { get; set; }

        public PipelineIds Carried { get; set; } = new PipelineIds();

        /// <summary>Change a part of the same name that differs (where it can be changed) instead of refusing it.</summary>
        public bool UpdateExisting { get; set; }

        public object? Target { get; set; }
    }
}
