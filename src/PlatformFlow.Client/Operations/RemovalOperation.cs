using PlatformFlow.Client.Api;
using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.Operations
{
    /// <summary>
    /// The logic of the Remove-* cmdlets: plan with reads only (the resource exists, what else goes with it), ask once for
    /// the whole plan (so -Confirm shows everything that will go, and -WhatIf describes it and sends no write), then delete
    /// each step in order. A failing step stops the ones after it, which depend on it.
    /// </summary>
    public abstract class RemovalOperation<TInput>(PlatformClient client, string step) : PlatformOperation(client)
    {
        private readonly string _step = step;

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
}
