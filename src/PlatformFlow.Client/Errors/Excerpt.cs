namespace PlatformFlow.Client.Errors
{
    /// <summary>How much of a user's input a message quotes: a short start of it, so an error never carries a whole megabyte.</summary>
    public static class Excerpt
    {
        public const int MaxLength = 80;

        public static string Of(string? text) =>
            text is null ? string.Empty : text.Length <= MaxLength ? text : text.Substring(0, MaxLength) + "… (" + text.Length + " characters)";
    }
}
