using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.Parts
{
    /// <summary>How a file source connection reads its file: <c>data.properties</c> and what the platform refuses in them.</summary>
    internal static class FileReading
    {
        /// <summary>The properties to send; null when the platform's defaults (comma, uncompressed) apply.</summary>
        public static FileReadProperties? Properties(string? columnDelimiter, string? compression) =>
            string.IsNullOrEmpty(columnDelimiter) && string.IsNullOrEmpty(compression)
                ? null
                : new FileReadProperties { ColumnDelimiter = string.IsNullOrEmpty(columnDelimiter) ? null : columnDelimiter, CompressionType = string.IsNullOrEmpty(compression) ? null : compression };

        /// <summary>A delimiter or compression only for a file, and a delimiter only for a delimited one.</summary>
        public static IEnumerable<string> Problems(bool isFile, string format, string? columnDelimiter, string? compression)
        {
            if (!isFile && (!string.IsNullOrEmpty(columnDelimiter) || !string.IsNullOrEmpty(compression)))
            {
                yield return "ColumnDelimiter and Compression are for a file (Path), not a table";
            }
            else if (!string.IsNullOrEmpty(columnDelimiter) && format != "delimited")
            {
                yield return "ColumnDelimiter: a " + format + " file has no column delimiter (only delimited files do)";
            }
        }
    }
}
