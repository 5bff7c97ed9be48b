using System.Collections.Generic;
using System.Text;
using PlatformFlow.Client.Api;
using PlatformFlow.Client.Inputs;

namespace PlatformFlow.Commands
{
    /// <summary>
    /// <para type="synopsis">Streams records (Import-Csv rows, hashtables, objects) to a streaming dataflow (HTTP API source): sent to the flow's inlet in batches the collection endpoint takes, with progress and an error per record the inlet refuses.</para>
    /// <para type="description">The flow's mapping set and dataset take the records: those that fail mapping or XDM validation show in the flow's runs, as a batch flow's do (Get-FlowRun, Get-FailedRecord).</para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Send, "StreamingRecord", SupportsShouldProcess = true, HelpUri = HelpLinks.Cmdlets + "Send-StreamingRecord.md")]
    [OutputType(typeof(StreamingBatchResult))]
    public sealed class SendStreamingRecordCommand : PlatformCmdlet
    {
        // The header each message carries (and an XDM connection's envelope), with room to spare: a batch is sent before its
        // JSON could pass the 1 MB limit.
        private const int MessageOverheadBytes = 1000;

        private readonly List<StreamedRecord> _batch = new List<StreamedRecord>();
        private int _batchBytes;
        private long _sent;

        /// <summary>The streaming dataflow whose inlet, mapping and dataset take the records.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(DataflowIdCompleter))]
        public string FlowId { get; set; } = string.Empty;

        /// <summary>A record: an Import-Csv row, a hashtable or an object, one property per source column.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        public PSObject? InputObject { get; set; }

        /// <summary>Records per request, at most; a batch is also sent before its body would pass the platform's 1 MB.</summary>
        [Parameter]
        [ValidateRange(1, 5000)]
        public int BatchSize { get; set; } = 500;

        protected override void ProcessRecord()
        {
            System.Text.Json.Nodes.JsonObject body;
            try
            {
                body = InputConversion.Rows(new object[] { InputObject! })[0];
            }
            catch (System.ArgumentException notARecord)
            {
                // Not sent: a string or number has no fields for the flow's mapping to read.
                WriteError(new ErrorRecord(notARecord, "NotARecord", ErrorCategory.InvalidArgument, InputObject));
                return;
            }

            var bytes = Encoding.UTF8.GetByteCount(body.ToJsonString()) + MessageOverheadBytes;
            if (_batch.Count > 0 && _batchBytes + bytes > StreamingInletClient.MaxBodyBytes)
            {
                Send();
            }

            _batch.Add(new StreamedRecord(body, InputObject));
            _batchBytes += bytes;
            if (_batch.Count >= BatchSize)
            {
                Send();
            }
        }

        protected override void EndProcessing()
        {
            if (_batch.Count > 0)
            {
                Send();
            }

            base.EndProcessing();
        }

        private void Send()
        {
            var operation = OperationFor(client => new SendStreamingRecordOperation(client));
            var input = new StreamingBatchInput { FlowId = FlowId, Records = _batch.ToArray(), SentBefore = _sent };
            _sent += _batch.Count;
            _batch.Clear();
            _batchBytes = 0;
            Run(host => operation.RunAsync(input, host));
        }
    }
}
