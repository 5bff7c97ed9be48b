using PlatformFlow.Client.Api;
using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.Operations
{
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
