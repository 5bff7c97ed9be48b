using System.Text.Json.Nodes;
using PlatformFlow.Client.Api;

namespace PlatformFlow.Client.Operations
{
    /// <summary>
    /// Where a streaming flow's records go and how each is wrapped: the message header (flow, dataset, schema, organization),
    /// and for an XDM connection (<c>dataType</c> other than <c>raw</c>) the XDM envelope the streaming ingestion contract
    /// asks of its messages (<c>body.xdmMeta.schemaRef</c> and <c>body.xdmEntity</c>); a raw-data connection takes the record as the body.
    /// </summary>
    internal sealed class StreamingInlet
    {
        public StreamingInletClient Client { get; init; } = null!;

        /// <summary>The header every message carries.</summary>
        public JsonObject Header { get; init; } = new JsonObject();

        /// <summary>Whether the connection takes XDM data (its <c>dataType</c> is not <c>raw</c>).</summary>
        public bool TakesXdm { get; init; }

        /// <summary>The message that carries <paramref name="record"/> (a copy: the record is not changed).</summary>
        public JsonObject Message(JsonObject record) => new JsonObject
        {
            ["header"] = Header.DeepClone(),
            ["body"] = TakesXdm
                ? new JsonObject { ["xdmMeta"] = new JsonObject { ["schemaRef"] = Header["schemaRef"]?.DeepClone() }, ["xdmEntity"] = record.DeepClone() }
                : record.DeepClone(),
        };
    }
}
