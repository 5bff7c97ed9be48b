namespace PlatformFlow.Client.Models
{
    /// <summary><c>data.format</c>: <c>tabular</c> for tables; <c>delimited</c>, <c>json</c> or <c>parquet</c> for files.</summary>
    public sealed class SourceData : PlatformModel
    {
        public string Format { get; init; } = "tabular";

        /// <summary>How a delimited file is read; null for tables and for files read as the platform's defaults.</summary>
        public FileReadProperties? Properties { get; init; }

        public override string ToString() => Format + (Properties is null ? string.Empty : " (" + Properties + ")");
    }
}
