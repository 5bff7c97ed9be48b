namespace PlatformFlow.Client.Inputs
{
    /// <summary>A -Name as typed, the cmdlet's matcher for it, and whether it has wildcards.</summary>
    public sealed class NameQuery(string pattern, Func<string, bool> matches, bool isLiteral)
    {
        public string Pattern { get; } = pattern;

        public Func<string, bool> Matches { get; } = matches;

        /// <summary>No wildcards: matching nothing is an ObjectNotFound error.</summary>
        public bool IsLiteral { get; } = isLiteral;
    }
}
