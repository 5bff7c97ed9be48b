namespace PlatformFlow.Client.Operations
{
    /// <summary>Get-Sandbox: the organization's sandboxes from the Sandbox API, -Name (wildcards) matched here.</summary>
    public sealed class GetSandboxOperation(PlatformClient client) : PlatformOperation(client)
    {
        public Task RunAsync(string? name, Func<string, bool>? nameMatches, IOperationHost host) =>
            ForInputAsync(host, name, name, "GetSandbox", async () =>
            {
                await foreach (var sandbox in Client.Sandboxes.ListSandboxesAsync(host.Cancellation).ConfigureAwait(false))
                {
                    if (nameMatches is null || nameMatches(sandbox.Name))
                    {
                        host.WriteObject(sandbox);
                    }
                }
            });
    }
}
