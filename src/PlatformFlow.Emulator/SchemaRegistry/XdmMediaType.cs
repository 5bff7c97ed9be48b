using System;
using System.Text.RegularExpressions;
using PlatformFlow.Emulator.Engine;

namespace PlatformFlow.Emulator.SchemaRegistry
{
    /// <summary>
    /// An XDM media type, e.g. <c>application/vnd.adobe.xed-full-notext+json; version=1</c>: what a Schema Registry
    /// <c>Accept</c> header asks for, and what a dataset's or mapping set's <c>schemaRef.contentType</c> names.
    /// </summary>
    public sealed class XdmMediaType
    {
        private static readonly Regex Shape = new Regex(
            @"^\s*application/vnd\.adobe\.(?<format>xed(-[a-z]+)*)\+json\s*(;\s*version\s*=\s*(?<version>[^;\s]+)\s*)?$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        private static readonly string[] LookupFormats = { "xed", "xed-full", "xed-notext", "xed-full-notext", "xed-full-desc" };

        private XdmMediaType(string format, string? version)
        {
            Format = format;
            Version = version;
        }

        /// <summary><c>xed</c>, <c>xed-full</c>, <c>xed-notext</c>, <c>xed-full-notext</c>, <c>xed-full-desc</c> or <c>xed-id</c>.</summary>
        public string Format { get; }

        public string? Version { get; }

        /// <summary>The fields resolved into <c>properties</c> instead of left behind <c>allOf</c> references.</summary>
        public bool IsFull => Format.StartsWith("xed-full", StringComparison.Ordinal);

        public bool OmitsTitles => Format.EndsWith("-notext", StringComparison.Ordinal) || Format == "xed-full-desc";

        public bool OmitsDescriptions => Format.EndsWith("-notext", StringComparison.Ordinal);

        public static XdmMediaType? Parse(string? text)
        {
            var match = text is null ? null : Shape.Match(text);
            return match is null || !match.Success
                ? null
                : new XdmMediaType(match.Groups["format"].Value.ToLowerInvariant(), match.Groups["version"].Success ? match.Groups["version"].Value : null);
        }

        /// <summary>
        /// The format a single-resource lookup asks for. As the registry answers: a missing, malformed or unversioned
        /// Accept is a 400 (XDM-1007); a well-formed one the registry cannot serve (another format or major version) a 406.
        /// </summary>
        public static XdmMediaType ForLookup(string? accept)
        {
            var type = Parse(accept);
            if (type?.Version is null)
            {
                throw EmulatorError.BadRequest(
                    ErrorCodes.SchemaAcceptLookupInvalid,
                    "The supplied Accept header is not valid: " + (accept ?? "(none)") + " - A valid Accept value should look like application/vnd.adobe.'{xed|xdm'}+json; version=1 (Version should be specified)");
            }

            if (Array.IndexOf(LookupFormats, type.Format) < 0 || !type.IsMajorVersionOne)
            {
                throw new EmulatorError(406, ErrorCodes.SchemaAcceptNotAvailable, "Not Acceptable", "The Accept format " + accept + " is not available for this resource; use one of application/vnd.adobe." + string.Join("|", LookupFormats) + "+json; version=1.");
            }

            return type;
        }

        /// <summary>The format a listing asks for: <c>xed-id</c> or <c>xed</c>, without a version (else 400, XDM-1006).</summary>
        public static XdmMediaType ForListing(string? accept)
        {
            var type = Parse(accept);
            if (type is null || type.Version != null || (type.Format != "xed-id" && type.Format != "xed"))
            {
                throw EmulatorError.BadRequest(
                    ErrorCodes.SchemaAcceptListInvalid,
                    "The supplied Accept header is not valid: " + (accept ?? "(none)") + " - A valid Accept value should look like application/vnd.adobe.'{xed|xdm'}+json");
            }

            return type;
        }

        /// <summary>
        /// True for a <c>schemaRef.contentType</c> naming a schema format and version the registry serves (Catalog and
        /// Data Prep keep it to read the schema later).
        /// </summary>
        public static bool IsSchemaReference(string? contentType)
        {
            var type = Parse(contentType);
            return type?.Version != null && Array.IndexOf(LookupFormats, type.Format) >= 0 && type.IsMajorVersionOne;
        }

        private bool IsMajorVersionOne => Version == "1" || (Version?.StartsWith("1.", StringComparison.Ordinal) ?? false);
    }
}
