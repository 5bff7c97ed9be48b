using System.Text.Json;
using System.Text.Json.Nodes;
using PlatformFlow.Client.Caching;
using PlatformFlow.Client.Inputs;
using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.Operations
{
    /// <summary>
    /// Get-FailedRecord: the records a run (through the batch it wrote) or a batch could not ingest, one object each, read
    /// from Data Access's row errors (<c>/batches/{id}/meta?path=row_errors</c>, then each file), each naming its run,
    /// batch and flow. A run that wrote no batch (a fault before it read anything) has none.
    /// </summary>
    public sealed class GetFailedRecordOperation(PlatformClient client) : PlatformOperation(client)
    {
        public Task RunAsync(FailedRecordQuery query, IOperationHost host) =>
            ForInputAsync(host, query.Target ?? query.RunId ?? query.BatchId, query.RunId ?? query.BatchId, "GetFailedRecord", async () =>
            {
                var cancellation = host.Cancellation;
                string? batchId, runId, flowId;
                if (query.RunId != null)
                {
                    var run = await Client.FlowService.Runs.GetAsync(query.RunId, cancellation).ConfigureAwait(false);
                    (batchId, runId, flowId) = (run.BatchId, run.Id, run.FlowId);
                    if (batchId is null)
                    {
                        host.WriteVerbose("Run " + run.Id + " (" + run.Status + ") wrote no batch, so it has no failed records to read" + (run.Errors.Count > 0 ? "; its errors: " + run.Errors : "."));
                        return;
                    }
                }
                else
                {
                    var batch = await Client.Catalog.GetBatchAsync(query.BatchId!, cancellation).ConfigureAwait(false);
                    (batchId, runId, flowId) = (batch.Id, batch.RunId, batch.FlowId);
                }

                var flowName = await FlowNames.OneByOne(Client).OfAsync(flowId, cancellation).ConfigureAwait(false);
                var written = 0;
                await foreach (var line in Client.DataAccess.ReadRowErrorsAsync(batchId, cancellation).ConfigureAwait(false))
                {
                    host.WriteObject(FailedRecordOf(line, runId, batchId, flowId, flowName));
                    if (++written == query.First)
                    {
                        // Enough: the next file is not read.
                        return;
                    }

                    await HoldBackAsync(host, written).ConfigureAwait(false);
                }
            });

        /// <summary>One row error line: <c>{_corrupt_record, _errors[{code, message, field}], _filename, _row}</c>.</summary>
        internal static FailedRecord FailedRecordOf(JsonObject line, string? runId, string batchId, string? flowId, string? flowName)
        {
            var errors = new ValueList<FailedRecordError>((line["_errors"] as JsonArray ?? new JsonArray()).OfType<JsonObject>().Select(e => new FailedRecordError
            {
                Code = (string?)e["code"],
                Message = (string?)e["message"],
                Field = (string?)e["field"],
            }));
            var first = errors.FirstOrDefault();
            return new FailedRecord
            {
                Record = RecordOf(line["_corrupt_record"]),
                Code = first?.Code,
                Message = first?.Message,
                Field = first?.Field,
                Errors = errors,
                Row = line["_row"] is JsonValue row && row.TryGetValue<long>(out var index) ? index : (long?)null,
                Source = (string?)line["_filename"],
                RunId = runId,
                BatchId = batchId,
                FlowId = flowId,
                FlowName = flowName,
            };
        }

        /// <summary>The input record: the JSON text of the record as the run received it, parsed; the text itself when it is not a JSON object.</summary>
        private static object? RecordOf(JsonNode? corrupt)
        {
            if (corrupt is JsonObject already)
            {
                return already;
            }

            var text = corrupt is JsonValue value && value.TryGetValue<string>(out var written) ? written : null;
            try
            {
                return text is null ? null : JsonNode.Parse(text) as JsonObject ?? (object)text;
            }
            catch (JsonException)
            {
                return text;
            }
        }
    }
}
