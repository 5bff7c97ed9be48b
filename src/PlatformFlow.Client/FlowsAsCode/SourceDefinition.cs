using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.FlowsAsCode
{
    public sealed class SourceDefinition
    {
        public string Name { get; init; } = string.Empty;

        public string? Description { get; init; }

        /// <summary>The connection spec's name, e.g. <c>shopify</c>.</summary>
        public string ConnectionSpec { get; init; } = string.Empty;

        /// <summary>The base connection's name; null for a source whose spec needs none.</summary>
        public string? BaseConnection { get; init; }

        /// <summary><c>tabular</c>, <c>delimited</c>, <c>json</c> or <c>parquet</c>.</summary>
        public string Format { get; init; } = "tabular";

        /// <summary>A table source's table; a file source has <see cref="Path"/>, a streaming source neither.</summary>
        public string? TableName { get; init; }

        public string? Path { get; init; }

        /// <summary>A delimited file's column delimiter (<c>data.properties.columnDelimiter</c>); null: the platform's comma.</summary>
        public string? ColumnDelimiter { get; init; }

        /// <summary>A file's compression (<c>data.properties.compressionType</c>, e.g. <c>gzip</c>); null: not compressed.</summary>
        public string? Compression { get; init; }

        /// <summary>In the order the source connection reads them; null when it names none.</summary>
        public IReadOnlyList<SourceColumn>? Columns { get; init; }
    }
}
