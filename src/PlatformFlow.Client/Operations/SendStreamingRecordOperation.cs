using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using PlatformFlow.Client.Errors;
using PlatformFlow.Client.Inputs;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Parts;

namespace PlatformFlow.Client.Operations
{
    /// <summary>
    /// Send-StreamingRecord: sends one batch of records to a streaming flow's inlet (<c>POST /collection/batch/{inletId}</c>
    /// with <c>x-adobe-flow-id</c>), writes an error per record the inlet refuses and a <see cref="StreamingBatchResult"/>.
    /// </summary>
    public sealed class SendStreamingRecordOperation(PlatformClient client) : PlatformOperation(client)
    {
        private const int ProgressId = 24;

        // One look-up of a flow's inlet per command, however many batches it sends.
        private readonly ConcurrentDictionary<string, Lazy<Task<StreamingInlet>>> _inlets =
            new ConcurrentDictionary<string, Lazy<Task<StreamingInlet>>>(StringComparer.Ordinal);

        public Task RunAsync(StreamingBatchInput input, IOperationHost host) =>
            ForInputAsync(host, input.FlowId, "flow " + input.FlowId, "SendStreamingRecord", async () =>
            {
                var cancellation = host.Cancellation;
                var streaming = await _inlets.GetOrAdd(input.FlowId, id => new Lazy<Task<StreamingInlet>>(() => StreamingFlows.InletOfAsync(Client, id, cancellation))).Value.ConfigureAwait(false);
                var inlet = streaming.Client;
                if (await host.ShouldProcessAsync("flow " + input.FlowId, "Send " + input.Records.Count + " records to inlet " + inlet.InletId).ConfigureAwait(false) != ChangeDecision.Proceed)
                {
                    return;
                }

                var messages = new JsonArray(input.Records.Select(r => (JsonNode)streaming.Message(r.Body)).ToArray());
                var answer = await inlet.SendBatchAsync(input.FlowId, messages, cancellation).ConfigureAwait(false);
                var responses = (answer["responses"] as JsonArray ?? new JsonArray()).ToList();
                var rejected = 0;
                for (var i = 0; i < input.Records.Count && i < responses.Count; i++)
                {
                    if (responses[i]?["message"] is JsonValue message && message.TryGetValue<string>(out var text))
                    {
                        rejected++;
                        host.WriteError(new OperationError(
                            new PlatformValidationException("record " + (input.SentBefore + i + 1), text),
                            "StreamingRecordRejected",
                            OperationErrorCategory.InvalidData,
                            input.Records[i].Target,
                            "Correct the record and send it again; records the inlet took and the flow then failed are listed by " + CmdletTerms.ListFailedRecords + "."));
                    }
                }

                var sent = input.SentBefore + input.Records.Count;
                host.WriteProgress(new OperationProgress(ProgressId, CmdletTerms.SendStreamingRecord, sent + " records sent to flow " + input.FlowId));
                host.WriteObject(new StreamingBatchResult(
                    input.FlowId,
                    inlet.InletId,
                    answer["batchId"]?.ToString(),
                    input.Records.Count,
                    rejected,
                    answer["receivedTimeMs"] is JsonValue received && received.TryGetValue<long>(out var millis) ? DateTimeOffset.FromUnixTimeMilliseconds(millis) : (DateTimeOffset?)null));
            });
    }
}
