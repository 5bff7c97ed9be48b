using System;
using System.Threading;
using System.Threading.Tasks;
using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.Operations
{
    /// <summary>One delete a Remove-* cmdlet will send, planned with reads only.</summary>
    public sealed class RemovalStep
    {
        private readonly Func<CancellationToken, Task> _delete;

        public RemovalStep(string kind, string id, string? name, Func<CancellationToken, Task> delete)
        {
            Kind = kind;
            Id = id;
            Name = name;
            _delete = delete;
        }

        /// <summary>e.g. <c>Dataflow</c>, <c>SourceConnection</c>.</summary>
        public string Kind { get; }

        public string Id { get; }

        public string? Name { get; }

        public override string ToString() => Kind + " '" + (Name ?? Id) + "'";

        internal Task DeleteAsync(CancellationToken cancellationToken) => _delete(cancellationToken);
    }
}
