using System.Threading;
using System.Threading.Tasks;
using PlatformFlow.Client.Api;
using PlatformFlow.Client.Errors;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Validation;

namespace PlatformFlow.Tests.Support
{
    /// <summary>
    /// For client-level tests: a create preceded by the check the cmdlets' operations make (New-Dataflow,
    /// New-BaseConnection), in one call. Test-only, so it lives here and not on the client.
    /// </summary>
    public static class CheckedCreates
    {
        /// <summary>Checks the flow as the platform would, then creates it. A rejected flow sends no POST.</summary>
        public static async Task<ResourceWriteResult> CreateDataflowAsync(this FlowServiceClient flowService, DataflowRequest request, CancellationToken cancellationToken = default)
        {
            PlatformValidationException.ThrowIfAny("dataflow '" + request.Name + "'", await flowService.ValidateDataflowAsync(request, null, cancellationToken));
            return await flowService.Flows.CreateAsync(request, cancellationToken);
        }

        /// <summary>Checks a base connection's auth params against its connection spec, then creates it.</summary>
        public static async Task<ResourceWriteResult> CreateBaseConnectionAsync(this FlowServiceClient flowService, BaseConnectionRequest request, CancellationToken cancellationToken = default)
        {
            var spec = await flowService.GetConnectionSpecAsync(request.ConnectionSpec.Id, cancellationToken);
            PlatformValidationException.ThrowIfAny("base connection '" + request.Name + "'", DataflowPreflight.CheckAuth(request, spec));
            return await flowService.BaseConnections.CreateAsync(request, cancellationToken);
        }
    }
}
