using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PlatformFlow.Client.Api;
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

    /// <summary>
    /// The logic of the Remove-* cmdlets: plan with reads only (the resource exists, what else goes with it), ask once for
    /// the whole plan (so -Confirm shows everything that will go, and -WhatIf describes it and sends no write), then delete
    /// each step in order. A failing step stops the ones after it, which depend on it.
    /// </summary>
    public abstract class RemovalOperation<TInput> : PlatformOperation
    {
        private readonly string _step;

        protected RemovalOperation(PlatformClient client, string step)
            : base(client)
        {
            _step = step;
        }

        /// <param name="passThru">Write a <see cref="RemovedResource"/> for each delete sent.</param>
        public Task RemoveAsync(TInput input, bool passThru, object? target, IOperationHost host) =>
            ForInputAsync(host, target, null, _step, async () =>
            {
                var steps = await PlanStepsAsync(input, host).ConfigureAwait(false);
                if (await AskAsync(host, Describe(steps), "Remove").ConfigureAwait(false) != ChangeDecision.Proceed)
                {
                    return;
                }

                foreach (var step in steps)
                {
                    await step.DeleteAsync(host.Cancellation).ConfigureAwait(false);
                    if (passThru)
                    {
                        host.WriteObject(new RemovedResource(step.Kind, step.Id, step.Name));
                    }
                }
            });

        /// <summary>The plan as the confirmation's target: what will be deleted, in order.</summary>
        public static string Describe(IReadOnlyList<RemovalStep> steps) => string.Join(", then ", steps);

        /// <summary>The deletes, in order, read before anything is removed; decisions worth knowing go to <c>-Verbose</c> through <paramref name="host"/>.</summary>
        protected abstract Task<IReadOnlyList<RemovalStep>> PlanStepsAsync(TInput input, IOperationHost host);

        protected static RemovalStep StepFor<TResource, TRequest>(string kind, FlowServiceCollection<TResource, TRequest> collection, TResource resource)
            where TResource : FlowServiceResource =>
            new RemovalStep(kind, resource.Id, resource.Name, cancellation => collection.DeleteAsync(resource.Id, cancellation));
    }

    /// <summary>A Remove-* of one Flow Service resource by id; the platform refuses while a flow uses it and names the flows.</summary>
    public abstract class FlowServiceRemovalOperation<TResource, TRequest> : RemovalOperation<string>
        where TResource : FlowServiceResource
    {
        private readonly FlowServiceCollection<TResource, TRequest> _collection;
        private readonly string _kind;

        protected FlowServiceRemovalOperation(PlatformClient client, FlowServiceCollection<TResource, TRequest> collection, string kind)
            : base(client, "Remove" + kind)
        {
            _collection = collection;
            _kind = kind;
        }

        protected override async Task<IReadOnlyList<RemovalStep>> PlanStepsAsync(string id, IOperationHost host) =>
            new[] { StepFor(_kind, _collection, await GetByIdAsync(_kind, id, () => _collection.GetAsync(id, host.Cancellation)).ConfigureAwait(false)) };
    }
}
