namespace PlatformFlow.Client.Operations
{
    /// <summary>One delete a Remove-* cmdlet will send, planned with reads only.</summary>
    public sealed class RemovalStep(string kind, string id, string? name, Func<CancellationToken, Task> delete)
    {
        private readonly Func<CancellationToken, Task> _delete = delete;

        /// <summary>e.g. <c>Dataflow</c>, <c>SourceConnection</c>.</summary>
        public string Kind { get; } = kind;

        public string Id { get; } = id;

        public string? Name { get; } = name;

        public override string ToString() => Kind + " '" + (Name ?? Id) + "'";

        internal Task DeleteAsync(CancellationToken cancellationToken) => _delete(cancellationToken);
    }
}
