using System.Text.Json.Nodes;
using PlatformFlow.Client.Errors;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Operations;

namespace PlatformFlow.Client.Parts
{
    /// <summary>What streaming flows need: whether a flow spec takes a schedule, and where a flow's records go.</summary>
    internal static class StreamingFlows
    {
        /// <summary>
        /// Whether the flow spec has a <c>scheduleSpec</c>; a streaming spec (HTTP API) has none, so its flows are created
        /// without <c>scheduleParams</c>. A streaming spec without a Mapping transformation is refused for
        /// <paramref name="flowName"/>: its inlet takes records already in XDM (<c>body.xdmEntity</c> of an XDM connection),
        /// and PlatformFlow streams records through a mapping (Send-StreamingRecord sends each as the message body of a
        /// raw-data connection), so such a flow could take nothing PlatformFlow sends.
        /// </summary>
        public static async Task<bool> TakesScheduleAsync(PlatformClient client, string flowSpecId, string flowName, IOperationHost host)
        {
            var spec = await client.FlowService.GetFlowSpecAsync(flowSpecId, host.Cancellation).ConfigureAwait(false);
            if (spec.ScheduleSpec is null)
            {
                if (spec.FindTransformation(WellKnown.MappingTransformationName) is null)
                {
                    throw new PlatformValidationException(
                        "dataflow '" + flowName + "'",
                        "flow spec '" + spec.Name + "' streams records already in XDM into the dataset without a mapping, and " + CmdletTerms.StreamRecords
                            + " sends records to be mapped; stream through a mapping instead: a raw-data HTTP API connection (dataType raw), "
                            + CmdletTerms.NewMappingSet + " in the pipeline, and the flow spec that maps (" + CmdletTerms.ListFlowSpecs + " picks it)");
                }

                host.WriteVerbose("Flow spec " + spec.Name + " has no scheduleSpec: the flow runs as records stream in, and is created without a schedule.");
            }

            return spec.ScheduleSpec != null;
        }

        /// <summary>Whether sources of the connection spec stream (its <c>sourceSpec.type</c> is <c>Streaming</c>): their source connections read no table or file.</summary>
        public static async Task<bool> IsStreamingSourceAsync(PlatformClient client, string connectionSpecId, CancellationToken cancellation) =>
            (await client.FlowService.GetConnectionSpecAsync(connectionSpecId, cancellation).ConfigureAwait(false)).SourceSpecJson?["type"] is JsonValue type
            && type.TryGetValue<string>(out var text) && text == "Streaming";

        /// <summary>
        /// The inlet of a streaming flow, from its source connection's base connection (<c>auth.params.inletUrl</c>), and
        /// the message header its records carry (the flow, its dataset and schema, the organization).
        /// </summary>
        public static async Task<StreamingInlet> InletOfAsync(PlatformClient client, string flowId, CancellationToken cancellation)
        {
            var flows = client.FlowService;
            var flow = await flows.Flows.GetCachedAsync(flowId, cancellation).ConfigureAwait(false);
            var source = await flows.SourceConnections.GetCachedAsync(flow.SourceConnectionIds[0], cancellation).ConfigureAwait(false);
            var target = await flows.TargetConnections.GetCachedAsync(flow.TargetConnectionIds[0], cancellation).ConfigureAwait(false);
            var connection = source.BaseConnectionId is null ? null : await flows.BaseConnections.GetCachedAsync(source.BaseConnectionId, cancellation).ConfigureAwait(false);
            var inletUrl = connection?.Auth?.ParamsJson?["inletUrl"] is JsonValue url && url.TryGetValue<string>(out var text) ? text : null;
            if (inletUrl is null || !Uri.TryCreate(inletUrl, UriKind.Absolute, out var inlet))
            {
                throw new PlatformValidationException("flow '" + flow.Name + "'", "its source has no streaming inlet (auth.params.inletUrl of an HTTP API connection); only a streaming flow takes records");
            }

            var header = new JsonObject
            {
                ["schemaRef"] = new JsonObject { ["id"] = target.SchemaId, ["contentType"] = "application/vnd.adobe.xed-full+json;version=1" },
                ["imsOrgId"] = client.Settings.OrgId,
                ["datasetId"] = target.DatasetId,
                ["flowId"] = flow.Id,
                ["source"] = new JsonObject { ["name"] = flow.Name },
            };
            var xdm = !(connection?.Auth?.ParamsJson?["dataType"] is JsonValue dataType && dataType.TryGetValue<string>(out var kind) && kind == "raw");
            return new StreamingInlet { Client = client.Inlet(inlet), Header = header, TakesXdm = xdm };
        }
    }
}
