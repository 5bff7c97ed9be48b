namespace PlatformFlow.Client.Errors
{
    /// <summary>A name given where an id goes that several objects share: each id is named, and nothing was done.</summary>
    public sealed class AmbiguousNameException : Exception
    {
        /// <param name="kind">The resource kind as an id part, e.g. <c>Dataflow</c>.</param>
        public AmbiguousNameException(string kind, string name, IReadOnlyList<string> ids)
            : base(ids.Count + " " + ResourceNotFoundException.Words(kind) + "s are named '" + name + "' (" + string.Join(", ", ids) + "); nothing was done.")
        {
            Kind = kind;
            Name = name;
            Ids = ids;
            RecommendedAction = "Give the id of the one you mean, e.g. " + CmdletTerms.Id + " " + ids[0] + ".";
        }

        /// <summary>The kind, as the error id's prefix (<c>DataflowNameAmbiguous</c>).</summary>
        public string Kind { get; }

        public string Name { get; }

        /// <summary>The ids of every object with that name.</summary>
        public IReadOnlyList<string> Ids { get; }

        public string RecommendedAction { get; }
    }
}
