using PlatformFlow.Client.Api;
using PlatformFlow.Client.Errors;
using PlatformFlow.Client.Inputs;
using PlatformFlow.Client.Json;
using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.Operations
{
    /// <summary>New-BaseConnection: checks the auth parameters against the connection spec, then <c>POST /connections</c>.</summary>
    public sealed class NewBaseConnectionOperation(PlatformClient client) : PlatformOperation(client)
    {
        public Task RunAsync(BaseConnectionInput input, IOperationHost host) =>
            ForInputAsync(host, input.Target ?? input.Name, input.Name, "NewBaseConnection", async () =>
            {
                var cancellation = host.Cancellation;
                if (JsonSchema.PlatformLimits.NameProblem(input.Name) is string nameProblem)
                {
                    throw new PlatformValidationException("base connection", "Name: " + nameProblem);
                }

                var spec = await ConnectionSpecResolver.ResolveAsync(Client, input.ConnectionSpec, cancellation).ConfigureAwait(false);
                var authSpecName = input.AuthSpecName ?? spec.AuthSpec?.FirstOrDefault()?.Name
                    ?? throw new PlatformValidationException("base connection '" + input.Name + "'", "connection spec " + spec.Name + " has no auth spec");
                var request = new BaseConnectionRequest
                {
                    Name = input.Name,
                    Description = input.Description,
                    Auth = new ConnectionAuth { SpecName = authSpecName, ParamsJson = input.Parameters is null ? new System.Text.Json.Nodes.JsonObject() : JsonValues.FromDictionary(input.Parameters) },
                    ConnectionSpec = new SpecReference(spec.Id, spec.Version ?? "1.0"),
                };
                PlatformValidationException.ThrowIfAny("base connection '" + input.Name + "'", DataflowPreflight.CheckAuth(request, spec));

                var connection = await CreateOrPlanAsync(
                    host,
                    input.Name,
                    "Create base connection (" + spec.Name + ")",
                    cancel => Client.FlowService.BaseConnections.CreateAndGetAsync(request, cancel),
                    () => new BaseConnection
                    {
                        Id = Planned.NewId("connection"),
                        Name = input.Name,
                        Description = input.Description,
                        State = Planned.State,
                        ConnectionSpec = request.ConnectionSpec,
                        Auth = new ConnectionAuth { SpecName = authSpecName },
                    }).ConfigureAwait(false);
                if (connection is null)
                {
                    return;
                }

                var ids = new PipelineIds().With(PipelineIds.BaseConnectionId, connection.Id).With(PipelineIds.ConnectionSpecId, spec.Id);
                host.WriteObject(connection, ids.PropertiesFor(connection));
            });
    }
}
