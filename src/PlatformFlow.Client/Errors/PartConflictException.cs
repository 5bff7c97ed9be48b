namespace PlatformFlow.Client.Errors
{
    /// <summary>
    /// A flow part with the same natural key (e.g. the name <c>Shop 07 source</c>) exists but differs from what the step
    /// would create; nothing was sent. Names both, and what differs.
    /// </summary>
    public sealed class PartConflictException : Exception
    {
        public PartConflictException(string kind, string key, string existingId, IReadOnlyList<string> differences, string? remedy)
            : base("a " + kind + " named '" + key + "' already exists (" + existingId + ") and differs from the one asked for: "
                + string.Join("; ", differences) + ". Nothing was created." + (remedy is null ? string.Empty : " " + remedy))
        {
            Kind = kind;
            Key = key;
            ExistingId = existingId;
            Differences = differences;
        }

        public string Kind { get; }

        public string Key { get; }

        public string ExistingId { get; }

        public IReadOnlyList<string> Differences { get; }
    }
}
