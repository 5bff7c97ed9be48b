using System;
using System.Threading.Tasks;
using PlatformFlow.Client.Api;

namespace PlatformFlow.Client.Operations
{
    /// <summary>Get-ConnectionSpec: by id, by name (<c>-like</c> wildcards are matched here), or all.</summary>
    public sealed class GetConnectionSpecOperation : PlatformOperation
    {
        public GetConnectionSpecOperation(PlatformClient client)
            : base(client)
        {
        }

        public Task RunAsync(string? id, Func<string, bool>? nameMatches, IOperationHost host) =>
            ForInputAsync(host, id, id, "GetConnectionSpec", async () =>
            {
                if (id != null)
                {
                    host.WriteObject(await Client.FlowService.GetConnectionSpecAsync(id, host.Cancellation).ConfigureAwait(false));
                    return;
                }

                await foreach (var spec in Client.FlowService.ListConnectionSpecsAsync(new ListQuery(), host.Cancellation).ConfigureAwait(false))
                {
                    if (nameMatches is null || nameMatches(spec.Name))
                    {
                        host.WriteObject(spec);
                    }
                }
            });
    }
}
