using PlatformFlow.Client.Api;
using PlatformFlow.Client.Errors;
using PlatformFlow.Client.Inputs;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Parts;

namespace PlatformFlow.Client.Operations
{
    /// <summary>New-TargetConnection: the data lake dataset a flow writes to (<c>POST /targetConnections</c>).</summary>
    public sealed class NewTargetConnectionOperation(PlatformClient client) : PlatformOperation(client)
    {
        /// <summary>A row taken ahead (-ThrottleLimit): its connection's name is looked up already, with the other rows' names (until <paramref name="stopping"/>).</summary>
        public void Announce(TargetConnectionInput input, System.Threading.CancellationToken stopping)
        {
            if (!string.IsNullOrWhiteSpace(input.FlowName))
            {
                Client.FlowService.TargetConnections.Names.Announce(FlowStepNames.Target(input.FlowName), stopping);
            }
        }

        public Task RunAsync(TargetConnectionInput input, IOperationHost host) =>
            ForInputAsync(host, input.Target ?? input.FlowName, input.FlowName, "NewTargetConnection", () => PipelineRollback.GuardAsync(Client, input.FlowName, input.Carried, rollBack: false, lastStep: false, host, async () =>
            {
                var cancellation = host.Cancellation;
                var subject = "target connection for '" + input.FlowName + "'";
                if (string.IsNullOrWhiteSpace(input.FlowName) || string.IsNullOrWhiteSpace(input.DatasetId))
                {
                    throw new PlatformValidationException(subject, "a target connection needs the flow's Name and a DatasetId");
                }

                if (FlowStepNames.FlowNameProblem(input.FlowName) is string nameProblem)
                {
                    throw new PlatformValidationException(subject, nameProblem);
                }

                var schemaId = input.SchemaId;
                if (string.IsNullOrWhiteSpace(schemaId))
                {
                    schemaId = Planned.IsPlanned(input.DatasetId)
                        ? throw new PlatformValidationException(subject, "SchemaId is required with a planned dataset")
                        : (await Client.Catalog.GetDatasetCachedAsync(input.DatasetId, cancellation).ConfigureAwait(false)).SchemaRef?.Id
                          ?? throw new PlatformValidationException(subject, "dataset " + input.DatasetId + " has no schema; give " + CmdletTerms.SchemaId);
                }

                var specId = input.ConnectionSpec is null
                    ? WellKnown.DataLakeConnectionSpecId
                    : (await ConnectionSpecResolver.ResolveAsync(Client, input.ConnectionSpec, cancellation).ConfigureAwait(false)).Id;
                var request = TargetConnectionPart.Request(FlowStepNames.Target(input.FlowName), input.Description, input.Format, schemaId!, input.DatasetId, specId);
                var creation = TargetConnectionPart.CreateOrReuse(Client, request);
                creation.Action = "Create target connection (dataset " + input.DatasetId + ")";
                creation.Update = input.UpdateExisting ? (existing, cancel) => TargetConnectionPart.UpdateAsync(Client, existing, request, cancel) : null;
                creation.Remedy = "Give the flow another name, remove " + request.Name + " first, or use " + CmdletTerms.UpdateExisting + " to change its dataset.";
                var result = await creation.RunAsync(Client, host, Clock).ConfigureAwait(false);
                if (result is null)
                {
                    return;
                }

                var connection = result.Part;
                var ids = input.Carried
                    .With(PipelineIds.FlowName, input.FlowName)
                    .With(PipelineIds.TargetConnectionId, connection.Id)
                    .With(PipelineIds.DatasetId, input.DatasetId)
                    .With(PipelineIds.SchemaId, schemaId)
                    .With(PipelineIds.TargetConnectionOutcome, result.Outcome)
                    .WithCreatedWhen(result.Outcome == PartOutcome.Created, nameof(TargetConnection), connection.Id);
                host.WriteObject(connection, ids.PropertiesFor(connection));
            }));
    }
}
