using System.Threading.Tasks;
using PlatformFlow.Client.Errors;
using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.Operations
{
    public sealed class TargetConnectionInput
    {
        public string FlowName { get; set; } = string.Empty;

        public string DatasetId { get; set; } = string.Empty;

        /// <summary>The target schema's <c>$id</c>; the dataset's schema when null.</summary>
        public string? SchemaId { get; set; }

        /// <summary>The target connection spec (id or name); the data lake when null.</summary>
        public string? ConnectionSpec { get; set; }

        public string Format { get; set; } = "parquet_xdm";

        public string? Description { get; set; }

        public PipelineIds Carried { get; set; } = new PipelineIds();

        public object? Target { get; set; }
    }

    /// <summary>New-TargetConnection: the data lake dataset a flow writes to (<c>POST /targetConnections</c>).</summary>
    public sealed class NewTargetConnectionOperation : PlatformOperation
    {
        public NewTargetConnectionOperation(PlatformClient client)
            : base(client)
        {
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

                var schemaId = input.SchemaId;
                if (string.IsNullOrWhiteSpace(schemaId))
                {
                    schemaId = Planned.IsPlanned(input.DatasetId)
                        ? throw new PlatformValidationException(subject, "SchemaId is required with a planned dataset")
                        : (await Client.Catalog.GetDatasetAsync(input.DatasetId, cancellation).ConfigureAwait(false)).SchemaRef?.Id
                          ?? throw new PlatformValidationException(subject, "dataset " + input.DatasetId + " has no schema; give -SchemaId");
                }

                var specId = input.ConnectionSpec is null
                    ? WellKnown.DataLakeConnectionSpecId
                    : (await ConnectionSpecResolver.ResolveAsync(Client, input.ConnectionSpec, cancellation).ConfigureAwait(false)).Id;
                var request = new TargetConnectionRequest
                {
                    Name = FlowStepNames.Target(input.FlowName),
                    Description = input.Description,
                    Data = new TargetData { Format = input.Format, Schema = new TargetSchemaReference { Id = schemaId!, Version = WellKnown.XedFullNoTextContentType } },
                    Params = new TargetParams { DataSetId = input.DatasetId },
                    ConnectionSpec = new SpecReference(specId, "1.0"),
                };

                var connection = await CreateOrPlanAsync(
                    host,
                    request.Name,
                    "Create target connection (dataset " + input.DatasetId + ")",
                    cancel => Client.FlowService.TargetConnections.CreateAndGetAsync(request, cancel),
                    () => new TargetConnection
                    {
                        Id = Planned.NewId("targetConnection"),
                        Name = request.Name,
                        Description = request.Description,
                        State = Planned.State,
                        Data = request.Data,
                        Params = request.Params,
                        ConnectionSpec = request.ConnectionSpec,
                    }).ConfigureAwait(false);
                if (connection is null)
                {
                    return;
                }

                var ids = input.Carried
                    .With(PipelineIds.FlowName, input.FlowName)
                    .With(PipelineIds.TargetConnectionId, connection.Id)
                    .With(PipelineIds.DatasetId, input.DatasetId)
                    .With(PipelineIds.SchemaId, schemaId)
                    .WithCreated(nameof(TargetConnection), connection.Id);
                host.WriteObject(connection, ids.PropertiesFor(connection));
            }));
    }
}
