using System.Collections.Generic;

// Facts of the platform that the cmdlets, the client and the emulator all need: linked into each of those projects, so
// each fact is written once. Internal in each assembly.
namespace PlatformFlow.Shared
{
    /// <summary>The formats a source connection reads (<c>data.format</c>): <c>tabular</c> for tables, the others for files.</summary>
    internal static class SourceFormats
    {
        public const string Tabular = "tabular";
        public const string Delimited = "delimited";
        public const string Json = "json";
        public const string Parquet = "parquet";

        public static readonly IReadOnlyList<string> All = new[] { Tabular, Delimited, Json, Parquet };
    }
}
