namespace PlatformFlow.Client.Errors
{
    /// <summary>
    /// A name (without wildcards) that matches nothing: one rule for every named resource, with the closest names known
    /// ("Did you mean CRMToAEP?") and what to run next.
    /// </summary>
    public sealed class ResourceNotFoundException : Exception
    {
        /// <param name="kind">The resource kind as an id part, e.g. <c>FlowSpec</c>, <c>Dataflow</c>, <c>XdmClass</c>.</param>
        /// <param name="description">The kind in words, e.g. <c>flow spec</c>.</param>
        /// <param name="known">The names that exist, to suggest the closest from.</param>
        /// <param name="howToList">How to list them, e.g. <c>run Get-FlowSpec</c>.</param>
        public ResourceNotFoundException(string kind, string description, string name, IEnumerable<string> known, string howToList)
            : this(kind, description, name, JsonSchema.Suggestions.Closest(name, known.Distinct(StringComparer.OrdinalIgnoreCase)), howToList)
        {
        }

        private ResourceNotFoundException(string kind, string name, string message, string recommendedAction)
            : base(message)
        {
            Kind = kind;
            Name = name;
            Suggestions = Array.Empty<string>();
            RecommendedAction = recommendedAction;
        }

        private ResourceNotFoundException(string kind, string description, string name, IReadOnlyList<string> suggestions, string howToList)
            : base("No " + description + " is named '" + name + "'." + (suggestions.Count == 0 ? string.Empty : " Did you mean " + string.Join(" or ", suggestions.Select(s => "'" + s + "'")) + "?"))
        {
            Kind = kind;
            Name = name;
            Suggestions = suggestions;
            RecommendedAction = suggestions.Count > 0
                ? "Use '" + suggestions[0] + "', or " + howToList + " to see them all."
                : char.ToUpperInvariant(howToList[0]) + howToList.Substring(1) + " to see them all.";
        }

        /// <summary>
        /// An id the platform answered 404 for: which kind, which id (an excerpt) and which sandbox, and how to find the
        /// resource by name instead (an id from another sandbox, or of a removed resource, is the usual cause).
        /// </summary>
        /// <param name="findByName">The command that finds one by name, e.g. <c>Get-Dataflow -Name '&lt;name&gt;'</c>.</param>
        public static ResourceNotFoundException ForId(string kind, string description, string id, string sandbox, string findByName) =>
            new ResourceNotFoundException(
                kind,
                id,
                "No " + description + " has id '" + JsonSchema.Excerpt.Of(id) + "' in sandbox '" + sandbox + "'.",
                "Find it by name with " + findByName + " (wildcards allowed); if it is in another sandbox, connect to that one (" + CmdletTerms.SignIn + " " + CmdletTerms.Sandbox + ").");

        /// <summary>The kind, as the error id's prefix (<c>FlowSpecNotFound</c>).</summary>
        public string Kind { get; }

        public string Name { get; }

        /// <summary>The closest names that exist, best first; empty when none is close.</summary>
        public IReadOnlyList<string> Suggestions { get; }

        public string RecommendedAction { get; }

        /// <summary>A kind in words, e.g. <c>source connection</c> for <c>SourceConnection</c>, <c>XDM schema</c> for <c>XdmSchema</c>.</summary>
        public static string Words(string kind) =>
            System.Text.RegularExpressions.Regex.Replace(kind, "(?<=[a-z])(?=[A-Z])", " ").ToLowerInvariant().Replace("xdm", "XDM");
    }
}
