using System.Text.Json;
using System.Text.Json.Nodes;
using PlatformFlow.Client.Json;
using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.Parts
{
    /// <summary>
    /// A flow's source connection as a part: keyed by its name (<c>NAME source</c>), found through the context's name
    /// index, compared member by member (<see cref="Diff"/>: the refusal message and the JSON Patch), built from its
    /// request and the create answer, and created once (looked up after an ambiguous failure). New-SourceConnection applies
    /// it alone; Import-Dataflow and Copy-Dataflow with the flow's other parts.
    /// </summary>
    public static class SourceConnectionPart
    {
        public const string Kind = "source connection";

        public static SourceConnectionRequest Request(string name, string? description, string? baseConnectionId, string format, string? tableName, string? path, IReadOnlyList<SourceColumn>? columns, string connectionSpecId, FileReadProperties? properties = null) => new SourceConnectionRequest
        {
            Name = name,
            Description = description,
            BaseConnectionId = baseConnectionId,
            Data = new SourceData { Format = format, Properties = properties },
            Params = new SourceParams { TableName = tableName, Path = path, Columns = columns is null || columns.Count == 0 ? null : new ValueList<SourceColumn>(columns) },
            ConnectionSpec = new SpecReference(connectionSpecId, "1.0"),
        };

        /// <summary>What makes a source connection of the same name a different one: what it reads and how.</summary>
        public static PartDiff Diff(SourceConnection existing, SourceConnectionRequest wanted)
        {
            var diff = Unchangeable(existing, wanted)
                .Text("data.format", existing.Data?.Format, wanted.Data.Format)
                .Text("params.tableName", existing.Params?.TableName, wanted.Params.TableName)
                .Text("params.path", existing.Params?.Path, wanted.Params.Path)
                .Set("params.columns", existing.Params?.Columns?.Select(ColumnText), wanted.Params.Columns?.Select(ColumnText), ColumnsJson(wanted.Params.Columns));
            var current = PropertiesJson(existing.Data?.Properties);
            var desired = PropertiesJson(wanted.Data.Properties);
            return current is null && desired is null ? diff : diff.Node("data.properties", current, desired ?? new JsonObject());
        }

        /// <summary>How a file is read (delimiter, compression) as sent; null when the connection does not say.</summary>
        private static JsonNode? PropertiesJson(FileReadProperties? properties) =>
            properties is null ? null : JsonSerializer.SerializeToNode(properties, PlatformJsonContext.Default.FileReadProperties);

        /// <summary>The differences the platform does not let a PATCH change.</summary>
        public static PartDiff Unchangeable(SourceConnection existing, SourceConnectionRequest wanted) =>
            new PartDiff()
                .Text("baseConnectionId", existing.BaseConnectionId, wanted.BaseConnectionId)
                .Text("connectionSpec", existing.ConnectionSpec?.Id, wanted.ConnectionSpec.Id);

        /// <summary>Create-or-reuse of <paramref name="request"/> by its name; the caller adds what it asks (action, update, remedy).</summary>
        public static CreateOrReuse<SourceConnection> CreateOrReuse(PlatformClient client, SourceConnectionRequest request) =>
            NamedPart.CreateOrReuse(
                client.FlowService.SourceConnections, Kind, request.Name, request, existing => Diff(existing, request), existing => Unchangeable(existing, request),
                () => Of(request), "sourceConnection");

        /// <summary>Changes <paramref name="existing"/> to <paramref name="wanted"/>: only the members that differ.</summary>
        public static System.Threading.Tasks.Task<SourceConnection> UpdateAsync(PlatformClient client, SourceConnection existing, SourceConnectionRequest wanted, System.Threading.CancellationToken cancellationToken) =>
            NamedPart.UpdateAsync(client.FlowService.SourceConnections, existing, Diff(existing, wanted), () => Of(wanted), cancellationToken);

        /// <summary>The connection a request makes (no read back), before its write gives it an id, etag and state.</summary>
        private static SourceConnection Of(SourceConnectionRequest request) => new SourceConnection
        {
            Name = request.Name,
            Description = request.Description,
            BaseConnectionId = request.BaseConnectionId,
            Data = request.Data,
            Params = request.Params,
            ConnectionSpec = request.ConnectionSpec,
        };

        private static string ColumnText(SourceColumn column) => column.Name + ":" + column.Type;

        /// <summary>Columns as sent: <c>[{name, type}]</c> in order, a missing type read as string.</summary>
        private static JsonArray ColumnsJson(IReadOnlyList<SourceColumn>? columns) =>
            new JsonArray((columns ?? new List<SourceColumn>()).Select(c => (JsonNode)new JsonObject { ["name"] = c.Name, ["type"] = c.Type ?? "string" }).ToArray());
    }
}
