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
        private readonly JsonObject _header;
        private readonly bool _xdm;

        public StreamingInlet(StreamingInletClient client, JsonObject header, bool xdm)
        {
            Client = client;
            _header = header;
            _xdm = xdm;
        }

        public StreamingInletClient Client { get; }

        /// <summary>The message that carries <paramref name="record"/> (a copy: the record is not changed).</summary>
        public JsonObject Message(JsonObject record) => new JsonObject
        {
            ["header"] = _header.DeepClone(),
            ["body"] = _xdm
                ? new JsonObject { ["xdmMeta"] = new JsonObject { ["schemaRef"] = _header["schemaRef"]?.DeepClone() }, ["xdmEntity"] = record.DeepClone() }
                : record.DeepClone(),
        };
    }
}
