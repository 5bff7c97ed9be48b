namespace PlatformFlow.Emulator.Engine
{
    /// <summary>How much of a client's input an error message quotes: a short start of it, never a whole megabyte.</summary>
    public static class Excerpt
    {
        public const int MaxLength = 60;

        public static string Of(string? text) =>
            text is null ? string.Empty : text.Length <= MaxLength ? text : text.Substring(0, MaxLength) + "… (" + text.Length + " characters)";
    }
}
