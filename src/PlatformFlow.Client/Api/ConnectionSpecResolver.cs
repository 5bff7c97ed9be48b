using PlatformFlow.Client.Errors;
using PlatformFlow.Client.Models;
using PlatformFlow.Shared;

namespace PlatformFlow.Client.Api
{
    /// <summary>Finds a connection spec by id or by name (<c>Shopify</c>, any case), with a clear error when there is none.</summary>
    internal static class ConnectionSpecResolver
    {
        public static async Task<ConnectionSpec> ResolveAsync(PlatformClient client, string idOrName, CancellationToken cancellationToken)
        {
            if (IdShapes.IsFlowServiceId(idOrName))
            {
                return await client.FlowService.GetConnectionSpecAsync(idOrName, cancellationToken).ConfigureAwait(false);
            }

            return await client.FlowService.FindConnectionSpecByNameAsync(idOrName, cancellationToken).ConfigureAwait(false)
                ?? throw new PlatformValidationException("connection spec", "no connection spec is named '" + idOrName + "' (" + CmdletTerms.ListConnectionSpecs + " lists them)");
        }
    }
}
