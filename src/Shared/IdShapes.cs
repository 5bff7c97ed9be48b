using System;
using System.Linq;

// Facts of the platform that the cmdlets, the client and the emulator all need: linked into each of those projects, so
// each fact is written once. Internal in each assembly.
namespace PlatformFlow.Shared
{
    /// <summary>
    /// The shapes of the platform's ids: Flow Service resources (flows, connections, runs, specs) have GUIDs, Catalog
    /// datasets 24 hex digits, Data Prep mapping sets 32, schemas a URI (<c>$id</c>) or a <c>meta:altId</c>. The
    /// cmdlets tell an id from a name by them, and the emulator makes its ids in them.
    /// </summary>
    internal static class IdShapes
    {
        /// <summary>Random bytes after a dataset id's 4-byte creation-time prefix (so ids sort by creation).</summary>
        public const int DatasetIdRandomBytes = 8;

        public const int MappingSetIdBytes = 16;

        public static bool IsFlowServiceId(string text) => Guid.TryParse(text, out _);

        public static bool IsDatasetId(string text) => IsHex(text, 2 * (4 + DatasetIdRandomBytes));

        public static bool IsMappingSetId(string text) => IsHex(text, 2 * MappingSetIdBytes);

        /// <summary>A schema's <c>$id</c> is a URI; its <c>meta:altId</c> starts with an underscore and names the tenant's schemas.</summary>
        public static bool IsSchemaId(string text) =>
            text.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || (text.StartsWith("_", StringComparison.Ordinal) && text.Contains(".schemas."));

        private static bool IsHex(string text, int length) => text.Length == length && text.All(Uri.IsHexDigit);
    }
}
