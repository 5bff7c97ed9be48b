namespace PlatformFlow.Client.Inputs
{
    /// <summary>What a Get-* cmdlet asks for: one resource by id, or a list narrowed by name and filters, paged.</summary>
    public sealed class ResourceQuery
    {
        public string? Id { get; set; }

        /// <summary>The -Name pattern as typed (wildcards allowed); its longest literal part narrows the list on the server.</summary>
        public string? Name { get; set; }

        /// <summary>Decides whether a name matches -Name exactly (the cmdlet's WildcardPattern); null when no -Name.</summary>
        public Func<string, bool>? NameMatches { get; set; }

        /// <summary>True when -Name has no wildcards: matching nothing is then an ObjectNotFound error, with the closest names.</summary>
        public bool NameIsLiteral { get; set; }

        /// <summary>The platform's <c>property</c> expressions, ANDed.</summary>
        public IReadOnlyList<string> Filters { get; set; } = Array.Empty<string>();

        public long Skip { get; set; }

        /// <summary>At most this many objects; no further page is fetched once they are written. All when null.</summary>
        public long? First { get; set; }

        /// <summary>Page size asked of the platform (where it takes one); its default when null.</summary>
        public int? PageSize { get; set; }

        /// <summary>
        /// -IncludeTotalCount: makes the object written before the list from the total and its accuracy (1 exact, 0
        /// unknown); null when not asked for.
        /// </summary>
        public Func<long, double, object>? TotalCount { get; set; }

        public object? Target { get; set; }
    }
}
