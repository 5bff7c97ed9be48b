namespace PlatformFlow.JsonSchema
{
    /// <summary>
    /// How much of a caller's input a message quotes, in the client and the emulator alike: a short start of it, so an
    /// error never carries a whole megabyte.
    /// </summary>
    public static class Excerpt
    {
        public const int MaxLength = 60;

        /// <summary>The longest subject of a message (what was checked, e.g. a mapping and a row), which may embed input.</summary>
        public const int MaxSubjectLength = 200;

        public static string Of(string? text) => Of(text, MaxLength);

        public static string Of(string? text, int maxLength) =>
            text is null ? string.Empty : text.Length <= maxLength ? text : text.Substring(0, maxLength) + "… (" + text.Length + " characters)";
    }
}
