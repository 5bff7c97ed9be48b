using PlatformFlow.Client.Api;
using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.Parts
{
    /// <summary>What the three parts keyed by name (source and target connection, flow) share: their create-or-reuse and update.</summary>
    internal static class NamedPart
    {
        /// <summary>
        /// Create-or-reuse of <paramref name="request"/> under <paramref name="name"/>: found in the collection's name index
        /// (asked of the platform after an ambiguous failure), judged by <paramref name="diff"/>, created and remembered.
        /// </summary>
        /// <param name="made">The part the request makes, before its write (or a plan, under -WhatIf) gives it an id, etag and state.</param>
        /// <param name="plannedKind">What a planned part's stand-in id says it is (<c>sourceConnection</c>).</param>
        public static CreateOrReuse<T> CreateOrReuse<T, TRequest>(
            FlowServiceCollection<T, TRequest> collection, string kind, string name, TRequest request,
            Func<T, PartDiff> diff, Func<T, PartDiff> unchangeable, Func<T> made, string plannedKind)
            where T : FlowServiceResource => new CreateOrReuse<T>
            {
                Kind = kind,
                Key = name,
                Find = cancel => collection.Names.FindAsync(name, cancel),
                FindFresh = cancel => collection.FindByNameFreshAsync(name, cancel),
                Differences = existing => diff(existing).Messages,
                Unchangeable = existing => unchangeable(existing).Messages,
                IdOf = existing => existing.Id,
                Create = cancel => collection.CreateAndBuildAsync(request, written => Written(made(), written.Id, written.Etag, WellKnown.EnabledState), cancel),
                Planned = () => Written(made(), Planned.NewId(plannedKind), null, Planned.State),
            };

        /// <summary>Changes <paramref name="existing"/> by <paramref name="diff"/>'s patch (only the members that differ); the part built from the answer.</summary>
        public static Task<T> UpdateAsync<T, TRequest>(FlowServiceCollection<T, TRequest> collection, T existing, PartDiff diff, Func<T> made, CancellationToken cancellationToken)
            where T : FlowServiceResource =>
            collection.PatchAndBuildAsync(existing, diff.Patch, written => Written(made(), written.Id, written.Etag, WellKnown.EnabledState), cancellationToken);

        /// <summary><paramref name="part"/>, made from its request, with the id, etag and state of its write.</summary>
        public static T Written<T>(T part, string id, string? etag, string state)
            where T : FlowServiceResource
        {
            part.TakeIdentity(id, etag, state);
            return part;
        }
    }
}
