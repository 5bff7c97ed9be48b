using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation.Language;
using PlatformFlow.Client;
using PlatformFlow.Client.Completion;
using PlatformFlow.Client.Sessions;

namespace PlatformFlow.Completion
{
    /// <summary>
    /// Base of the argument completers that answer from the platform: they ask the context the command would use (its
    /// -Context, else the current one) through <see cref="CompletionCandidates"/>, which keeps every answer fast, bounded
    /// and quiet, and offer the values that start with what was typed, quoted where needed.
    /// </summary>
    public abstract class PlatformArgumentCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var context = ContextOf(fakeBoundParameters);
            if (context is null || context.IsDisconnected)
            {
                return Array.Empty<CompletionResult>();
            }

            IReadOnlyList<CompletionCandidate> candidates;
            try
            {
                candidates = Candidates(context.Client, commandName, fakeBoundParameters);
            }
            catch (Exception)
            {
                // Completion never fails loudly: a bad bound value (say, an unknown base connection) just offers nothing.
                return Array.Empty<CompletionResult>();
            }

            return Matching(candidates, wordToComplete);
        }

        /// <summary>The values for this command; <paramref name="boundParameters"/> holds what the command line already binds.</summary>
        protected abstract IReadOnlyList<CompletionCandidate> Candidates(PlatformClient client, string commandName, IDictionary boundParameters);

        /// <summary>A parameter the command line already gives as text, e.g. -BaseConnectionId for -TableName.</summary>
        protected static string? BoundText(IDictionary boundParameters, string name) =>
            boundParameters.Contains(name) && Unwrap(boundParameters[name]) is string text && text.Length > 0 ? text : null;

        /// <summary>Candidates that start with the typed word (wildcards allowed), ordered, each quoted where needed.</summary>
        internal static IEnumerable<CompletionResult> Matching(IEnumerable<CompletionCandidate> candidates, string? wordToComplete)
        {
            var typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
            var pattern = new WildcardPattern(typed + "*", WildcardOptions.IgnoreCase);
            return candidates
                .Where(c => pattern.IsMatch(c.Value))
                .GroupBy(c => c.Value, StringComparer.OrdinalIgnoreCase)
                .Select(g => g.First())
                .OrderBy(c => c.Value, StringComparer.OrdinalIgnoreCase)
                .Select(c => new CompletionResult(Quoted(c.Value), c.Value, CompletionResultType.ParameterValue, c.Description))
                .ToList();
        }

        private static string Quoted(string value) =>
            value.Length > 0 && value.All(ch => char.IsLetterOrDigit(ch) || ch == '-' || ch == '_' || ch == '.' || ch == ':' || ch == '/')
                ? value
                : "'" + value.Replace("'", "''") + "'";

        private static PlatformContext? ContextOf(IDictionary boundParameters) =>
            boundParameters.Contains("Context") && Unwrap(boundParameters["Context"]) is PlatformContext given ? given : PlatformContexts.Current;

        private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;
    }
}
