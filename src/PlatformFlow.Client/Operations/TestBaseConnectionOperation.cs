using PlatformFlow.Client.Inputs;
using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.Operations
{
    /// <summary>Test-BaseConnection: <c>GET /connections/{id}/test</c>, written as a <see cref="BaseConnectionTest"/> (or a bare bool).</summary>
    public sealed class TestBaseConnectionOperation(PlatformClient client) : PlatformOperation(client)
    {
        public Task RunAsync(BaseConnectionTestInput input, IOperationHost host) =>
            ForInputAsync(host, input.Target ?? input.Id, input.Name ?? input.Id, "TestBaseConnection", async () =>
            {
                var accepted = await Client.FlowService.TestBaseConnectionAsync(input.Id, host.Cancellation).ConfigureAwait(false);
                host.WriteVerbose("Base connection " + input.Id + (accepted ? ": the source accepted its credentials." : ": the source refused its credentials."));
                host.WriteObject(input.Quiet ? accepted : (object)new BaseConnectionTest(input.Id, input.Name, accepted));
            });
    }
}
