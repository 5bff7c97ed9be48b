using System.Threading;
using System.Threading.Tasks;
using PlatformFlow.Client.Api;
using PlatformFlow.Client.Errors;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Validation;

namespace PlatformFlow.Tests.Support
{
    /// <summary>
    /// For client-level tests: a base connection created after the check New-BaseConnection's operation makes, in one
    /// call. Test-only, so it lives here and not on the client.
    /// </summary>
    public static class CheckedCreates
    {
        /// <summary>Checks a base connection's auth params against its connection spec, then creates it.</summary>
        public static async Task<ResourceWriteResult> CreateBaseConnectionAsync(this FlowServiceClient flowService, BaseConnectionRequest request, CancellationToken cancellationToken = default)
        {
            var spec = await flowService.GetConnectionSpecAsync(request.ConnectionSpec.Id, cancellationToken);
            PlatformValidationException.ThrowIfAny("base connection '" + request.Name + "'", DataflowPreflight.CheckAuth(request, spec));
            return await flowService.BaseConnections.CreateAsync(request, cancellationToken);
        }
    }
}
