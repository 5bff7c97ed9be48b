using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;

namespace PlatformFlow.Client.Models
{
    /// <summary>A source connection (<c>/sourceConnections</c>): which data of a base connection a flow reads.</summary>
    public sealed class SourceConnection : FlowServiceResource
    {
        [JsonPropertyName("baseConnectionId")]
        public string? BaseConnectionId { get; init; }

        [JsonPropertyName("data")]
        public SourceData? Data { get; init; }

        [JsonPropertyName("params")]
        public SourceParams? Params { get; init; }

        [JsonPropertyName("connectionSpec")]
        public SpecReference? ConnectionSpec { get; init; }
    }

    /// <summary><c>data.format</c>: <c>tabular</c> for tables; <c>delimited</c>, <c>json</c> or <c>parquet</c> for files.</summary>
    public sealed class SourceData : PlatformModel
    {
        [JsonPropertyName("format")]
        public string Format { get; init; } = "tabular";

        /// <summary>How a delimited file is read; null for tables and for files read as the platform's defaults.</summary>
        [JsonPropertyName("properties")]
        public FileReadProperties? Properties { get; init; }

        public override string ToString() => Format + (Properties is null ? string.Empty : " (" + Properties + ")");
    }

    /// <summary><c>data.properties</c> of a file source: the column delimiter (comma by default) and the compression.</summary>
    public sealed class FileReadProperties : PlatformModel
    {
        [JsonPropertyName("columnDelimiter")]
        public string? ColumnDelimiter { get; init; }

        /// <summary><c>bzip2</c>, <c>gzip</c>, <c>deflate</c>, <c>zipDeflate</c>, <c>tarGzip</c> or <c>tar</c>.</summary>
        [JsonPropertyName("compressionType")]
        public string? CompressionType { get; init; }

        public override string ToString() => string.Join(", ", new[] { ColumnDelimiter is null ? null : "delimiter '" + ColumnDelimiter + "'", CompressionType }.Where(p => p != null));
    }

    /// <summary>What to read: a table and its columns, or a file path.</summary>
    public sealed class SourceParams : PlatformModel
    {
        [JsonPropertyName("tableName")]
        public string? TableName { get; init; }

        [JsonPropertyName("columns")]
        public ValueList<SourceColumn>? Columns { get; init; }

        [JsonPropertyName("path")]
        public string? Path { get; init; }

        public override string ToString() => (TableName ?? Path ?? string.Empty) + (Columns is null ? string.Empty : " (" + Columns + ")");
    }

    /// <summary>The body of <c>POST /sourceConnections</c>.</summary>
    public sealed class SourceConnectionRequest
    {
        [JsonPropertyName("name")]
        public string Name { get; init; } = string.Empty;

        [JsonPropertyName("description")]
        public string? Description { get; init; }

        /// <summary>Null (not sent) for a source whose connection spec authenticates without a base connection.</summary>
        [JsonPropertyName("baseConnectionId")]
        public string? BaseConnectionId { get; init; }

        [JsonPropertyName("data")]
        public SourceData Data { get; init; } = new SourceData();

        [JsonPropertyName("params")]
        public SourceParams Params { get; init; } = new SourceParams();

        [JsonPropertyName("connectionSpec")]
        public SpecReference ConnectionSpec { get; init; } = new SpecReference();
    }
}
