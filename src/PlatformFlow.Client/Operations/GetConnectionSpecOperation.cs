using PlatformFlow.Client.Api;
using PlatformFlow.Client.Errors;
using PlatformFlow.Client.Inputs;

namespace PlatformFlow.Client.Operations
{
    /// <summary>Get-ConnectionSpec: by id, by name (<c>-like</c> wildcards are matched here), or all.</summary>
    public sealed class GetConnectionSpecOperation(PlatformClient client) : PlatformOperation(client)
    {
        public Task RunAsync(string? id, NameQuery? name, IOperationHost host) =>
            ForInputAsync(host, id ?? name?.Pattern, id, "GetConnectionSpec", async () =>
            {
                if (id != null)
                {
                    host.WriteObject(await Client.FlowService.GetConnectionSpecAsync(id, host.Cancellation).ConfigureAwait(false));
                    return;
                }

                var names = new List<string>();
                var written = 0;
                await foreach (var spec in Client.FlowService.ListConnectionSpecsAsync(new ListQuery(), host.Cancellation).ConfigureAwait(false))
                {
                    names.Add(spec.Name);
                    if (name is null || name.Matches(spec.Name))
                    {
                        host.WriteObject(spec);
                        written++;
                    }
                }

                if (written == 0 && name != null && name.IsLiteral)
                {
                    throw new ResourceNotFoundException("ConnectionSpec", "connection spec", name.Pattern, names, "run " + CmdletTerms.ListConnectionSpecs);
                }
            });
    }
}
