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

        /// <summary>
        /// The longest text an <c>-Id</c> takes (an id, or a name where the cmdlet takes one): no id shape is longer, and a
        /// name has at most this many characters, so a longer one is refused before anything is sent.
        /// </summary>
        public const int IdOrNameMaxLength = 256;

        /// <summary>What is wrong with the length of an id (or name) given as <c>-Id</c>, with a short excerpt of it; null when none.</summary>
        public static string? LengthProblem(string text) =>
            text.Length <= IdOrNameMaxLength
                ? null
                : "An id (or name) has at most " + IdOrNameMaxLength + " characters, not " + text.Length + " ('" + text.Substring(0, 20) + "…')";

        private static bool IsHex(string text, int length) => text.Length == length && text.All(Uri.IsHexDigit);
    }
}
