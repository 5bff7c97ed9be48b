using PlatformFlow.Client.Api;
using PlatformFlow.Client.Errors;

namespace PlatformFlow.Client.Caching
{
    /// <summary>
    /// The names of flows by id, for what names its flow (runs, failed records): either one listing of every flow of the
    /// sandbox, made at the first question (for a listing across flows: never a request per flow), or one read per flow,
    /// shared by the context for a short while. A flow that no longer exists has no name (null).
    /// </summary>
    internal sealed class FlowNames
    {
        // The platform's largest page of flows: a thousand flows cost one request.
        private const int ListingPageSize = 1000;

        private readonly Func<string, CancellationToken, Task<string?>> _nameOf;

        private FlowNames(Func<string, CancellationToken, Task<string?>> nameOf)
        {
            _nameOf = nameOf;
        }

        /// <summary>Names from one listing of all flows, made when the first name is asked for.</summary>
        public static FlowNames Listed(PlatformClient client)
        {
            Task<Dictionary<string, string?>>? listing = null;
            return new FlowNames(async (flowId, cancellation) =>
            {
                var names = await (listing ??= ListAsync(client, cancellation)).ConfigureAwait(false);
                return names.TryGetValue(flowId, out var name) ? name : null;
            });
        }

        /// <summary>Names read flow by flow (a cached read each).</summary>
        public static FlowNames OneByOne(PlatformClient client) => new FlowNames(async (flowId, cancellation) =>
        {
            try
            {
                return (await client.FlowService.Flows.GetCachedAsync(flowId, cancellation).ConfigureAwait(false)).Name;
            }
            catch (PlatformException ex) when (ex.StatusCode == 404)
            {
                return null;
            }
        });

        public Task<string?> OfAsync(string? flowId, CancellationToken cancellationToken) =>
            string.IsNullOrEmpty(flowId) ? Task.FromResult<string?>(null) : _nameOf(flowId!, cancellationToken);

        private static async Task<Dictionary<string, string?>> ListAsync(PlatformClient client, CancellationToken cancellationToken)
        {
            var names = new Dictionary<string, string?>(StringComparer.Ordinal);
            await foreach (var flow in client.FlowService.Flows.ListAsync(new ListQuery { Limit = ListingPageSize }, cancellationToken).ConfigureAwait(false))
            {
                names[flow.Id] = flow.Name;
            }

            return names;
        }
    }
}
