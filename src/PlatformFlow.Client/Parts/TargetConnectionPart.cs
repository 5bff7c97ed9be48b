using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.Parts
{
    /// <summary>
    /// A flow's target connection as a part: keyed by its name (<c>NAME target</c>), found through the context's name
    /// index, compared member by member (<see cref="Diff"/>), built from its request and the create answer, and created
    /// once (looked up after an ambiguous failure).
    /// </summary>
    public static class TargetConnectionPart
    {
        public const string Kind = "target connection";

        public static TargetConnectionRequest Request(string name, string? description, string format, string schemaId, string datasetId, string connectionSpecId) => new TargetConnectionRequest
        {
            Name = name,
            Description = description,
            Data = new TargetData { Format = format, Schema = new TargetSchemaReference { Id = schemaId, Version = WellKnown.XedFullNoTextContentType } },
            Params = new TargetParams { DataSetId = datasetId },
            ConnectionSpec = new SpecReference(connectionSpecId, "1.0"),
        };

        /// <summary>What makes a target connection of the same name a different one: where it writes, and how.</summary>
        public static PartDiff Diff(TargetConnection existing, TargetConnectionRequest wanted) =>
            Unchangeable(existing, wanted)
                .Text("params.dataSetId", existing.Params?.DataSetId, wanted.Params.DataSetId)
                .Text("data.schema.id", existing.Data?.Schema?.Id, wanted.Data.Schema?.Id)
                .Text("data.format", existing.Data?.Format, wanted.Data.Format);

        /// <summary>The differences the platform does not let a PATCH change.</summary>
        public static PartDiff Unchangeable(TargetConnection existing, TargetConnectionRequest wanted) =>
            new PartDiff().Text("connectionSpec", existing.ConnectionSpec?.Id, wanted.ConnectionSpec.Id);

        public static CreateOrReuse<TargetConnection> CreateOrReuse(PlatformClient client, TargetConnectionRequest request) =>
            NamedPart.CreateOrReuse(
                client.FlowService.TargetConnections, Kind, request.Name, request, existing => Diff(existing, request), existing => Unchangeable(existing, request),
                () => Of(request), "targetConnection");

        /// <summary>Changes <paramref name="existing"/> to <paramref name="wanted"/>: only the members that differ.</summary>
        public static Task<TargetConnection> UpdateAsync(PlatformClient client, TargetConnection existing, TargetConnectionRequest wanted, CancellationToken cancellationToken) =>
            NamedPart.UpdateAsync(client.FlowService.TargetConnections, existing, Diff(existing, wanted), () => Of(wanted), cancellationToken);

        /// <summary>The connection a request makes (no read back), before its write gives it an id, etag and state.</summary>
        private static TargetConnection Of(TargetConnectionRequest request) => new TargetConnection
        {
            Name = request.Name,
            Description = request.Description,
            Data = request.Data,
            Params = request.Params,
            ConnectionSpec = request.ConnectionSpec,
        };
    }
}
