using System;
using PlatformFlow.Client.Api;
using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.Parts
{
    /// <summary>What the three parts keyed by name (source and target connection, flow) share: their create-or-reuse.</summary>
    internal static class NamedPart
    {
        /// <summary>
        /// Create-or-reuse of <paramref name="request"/> under <paramref name="name"/>: found in the collection's name index
        /// (asked of the platform after an ambiguous failure), judged by <paramref name="diff"/>, created and remembered.
        /// </summary>
        public static CreateOrReuse<T> CreateOrReuse<T, TRequest>(
            FlowServiceCollection<T, TRequest> collection, string kind, string name, TRequest request,
            Func<T, PartDiff> diff, Func<T, PartDiff> unchangeable, Func<ResourceWriteResult, T> built, Func<T> planned)
            where T : FlowServiceResource => new CreateOrReuse<T>
            {
                Kind = kind,
                Key = name,
                Find = cancel => collection.Names.FindAsync(name, cancel),
                FindFresh = cancel => collection.FindByNameFreshAsync(name, cancel),
                Differences = existing => diff(existing).Messages,
                Unchangeable = existing => unchangeable(existing).Messages,
                IdOf = existing => existing.Id,
                Create = cancel => collection.CreateAndBuildAsync(request, built, cancel),
                Planned = planned,
            };
    }
}
