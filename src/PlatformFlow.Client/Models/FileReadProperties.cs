namespace PlatformFlow.Client.Models
{
    /// <summary><c>data.properties</c> of a file source: the column delimiter (comma by default) and the compression.</summary>
    public sealed class FileReadProperties : PlatformModel
    {
        public string? ColumnDelimiter { get; init; }

        /// <summary><c>bzip2</c>, <c>gzip</c>, <c>deflate</c>, <c>zipDeflate</c>, <c>tarGzip</c> or <c>tar</c>.</summary>
        public string? CompressionType { get; init; }

        public override string ToString() => string.Join(", ", new[] { ColumnDelimiter is null ? null : "delimiter '" + ColumnDelimiter + "'", CompressionType }.Where(p => p != null));
    }
}
