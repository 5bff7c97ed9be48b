namespace PlatformFlow.Client.Parts
{
    /// <summary>
    /// The one rule by which two names are the same name: without regard to case, as the platform's own
    /// <c>property=name==</c> filter matches them (<c>name==shop a</c> lists <c>Shop A</c>). Every lookup of a part by its
    /// name (the pipeline's index, a fresh lookup after an ambiguous failure, flows as code) and every comparison of text
    /// members follows it, so <c>Shop A</c>, <c>shop a</c> and <c>SHOP A</c> are one flow wherever they are written.
    /// </summary>
    public static class PartKey
    {
        public static readonly StringComparer Comparer = StringComparer.OrdinalIgnoreCase;

        public const StringComparison Comparison = StringComparison.OrdinalIgnoreCase;

        /// <summary>True when the two are the same text by the rule; null and empty are the same.</summary>
        public static bool Same(string? first, string? second) => string.Equals(first ?? string.Empty, second ?? string.Empty, Comparison);
    }
}
