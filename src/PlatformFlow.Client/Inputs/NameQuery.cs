using System;

namespace PlatformFlow.Client.Inputs
{
    /// <summary>A -Name as typed, the cmdlet's matcher for it, and whether it has wildcards.</summary>
    public sealed class NameQuery
    {
        public NameQuery(string pattern, Func<string, bool> matches, bool isLiteral)
        {
            Pattern = pattern;
            Matches = matches;
            IsLiteral = isLiteral;
        }

        public string Pattern { get; }

        public Func<string, bool> Matches { get; }

        /// <summary>No wildcards: matching nothing is an ObjectNotFound error.</summary>
        public bool IsLiteral { get; }
    }
}
