namespace PlatformFlow.JsonSchema
{
    /// <summary>
    /// How much of a caller's input a message quotes, in the client and the emulator alike: a short start of it, so an
    /// error never carries a whole megabyte.
    /// </summary>
    public static class Excerpt
    {
        public const int MaxLength = 60;

        public static string Of(string? text) =>
            text is null ? string.Empty : text.Length <= MaxLength ? text : text.Substring(0, MaxLength) + "… (" + text.Length + " characters)";
    }
}
