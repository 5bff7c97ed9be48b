using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PlatformFlow.Client;
using PlatformFlow.Client.Operations;
using PlatformFlow.Client.Sessions;
using PlatformFlow.Hosting;

namespace PlatformFlow
{
    /// <summary>
    /// Base of every cmdlet with asynchronous work: Ctrl+C cancels the requests in flight, and the work runs through the
    /// seam (<see cref="IOperationHost"/>).
    /// </summary>
    public abstract class AsyncCmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
        private CmdletOperationHost? _host;

        public void Dispose()
        {
            _host?.Dispose();
            _stopping.Dispose();
        }

        protected override void StopProcessing() => _stopping.Cancel();

        /// <summary>Cancelled on Ctrl+C (StopProcessing).</summary>
        protected CancellationToken StopToken => _stopping.Token;

        /// <summary>True when the user waived the confirmation question (<c>-Force</c>); ShouldProcess then proceeds unasked.</summary>
        protected virtual bool SkipsConfirmation => false;

        /// <summary>How many inputs may be in flight at once; 1 (one at a time, outputs in input order) unless a cmdlet offers -ThrottleLimit.</summary>
        protected virtual int InputsInFlight => 1;

        /// <summary>
        /// Inputs taken beyond <see cref="InputsInFlight"/>, waiting for a place: what <see cref="Announce"/> starts for them
        /// (looking up their names) is done by the time they run. 0 unless a cmdlet announces.
        /// </summary>
        protected virtual int InputsAhead => 0;

        /// <summary>The context the objects this cmdlet writes were read through; they carry it to the next command.</summary>
        protected virtual PlatformContext? OutputContext => null;

        /// <summary>
        /// Runs one operation for the current input, on the seam. With one input in flight it returns when the operation has
        /// ended; with more, as soon as there is room for the next input (the rest finish in <see cref="EndProcessing"/>).
        /// A failure that escapes an operation ends the command.
        /// </summary>
        protected void Run(Func<IOperationHost, Task> operation)
        {
            var context = OutputContext;
            if (_host != null && !ReferenceEquals(_host.OutputContext, context))
            {
                // Objects of another context (piped from another sandbox): the inputs in flight finish first.
                Serve(_host.Finish);
                _host.Dispose();
                _host = null;
            }

            var host = _host ??= new CmdletOperationHost(this, _stopping.Token, SkipsConfirmation, context);
            var limit = InputsInFlight;
            var ahead = limit > 1 ? InputsAhead : 0;
            Serve(() => host.Start(operation, limit, ahead));
            if (limit <= 1)
            {
                Serve(host.Finish);
            }
        }

        /// <summary>Waits for the inputs still in flight (with -ThrottleLimit), writing what they write.</summary>
        protected override void EndProcessing()
        {
            if (_host != null)
            {
                Serve(_host.Finish);
            }
        }

        private void Serve(Action pump)
        {
            try
            {
                pump();
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                // Ctrl+C: PowerShell is already stopping the pipeline; nothing more to report.
            }
            catch (Exception ex) when (!_host!.FailedOnPipelineThread && !(ex is PipelineStoppedException) && !(ex is OutOfMemoryException))
            {
                ThrowTerminatingError(ErrorRecords.From(OperationError.From(ex, null, MyInvocation.MyCommand.Name.Replace("-", string.Empty))));
            }
        }
    }

    /// <summary>Base of every cmdlet that calls the platform: <c>-Context</c> chooses the signed-in context.</summary>
    public abstract class PlatformCmdlet : AsyncCmdlet
    {
        private PlatformContext? _activeContext;
        private int _inputsCounted;
        private string? _countedActivity;

        /// <summary>The signed-in context to use instead of the current one (two orgs or sandboxes in one script).</summary>
        [Parameter]
        [ValidateNotNull]
        public PlatformContext? Context { get; set; }

        /// <summary>
        /// The context this call uses: -Context, else the one the piped object was read through, else the current one; a
        /// terminating error when there is none.
        /// </summary>
        protected PlatformContext ActiveContext
        {
            get
            {
                var carried = Context is null ? ObjectContexts.Of(PipedInput) : null;
                var context = Context ?? carried ?? PlatformContexts.Current;
                if (context is null || context.IsDisconnected)
                {
                    var message = carried != null
                        ? "The piped object was read through a context that has since been disconnected. Pass -Context (e.g. -Context (Get-PlatformContext)) to act on it through another one."
                        : "Not connected to the platform. Run Connect-Platform first (Connect-Platform -Emulator for the offline sandbox).";
                    ThrowTerminatingError(new ErrorRecord(new InvalidOperationException(message), "NotConnected", ErrorCategory.ConnectionError, PipedInput));
                }

                return _activeContext = context!;
            }
        }

        protected override PlatformContext? OutputContext => _activeContext;

        /// <summary>The object piped to this call, when the cmdlet takes whole objects; its context is the default one.</summary>
        protected virtual PSObject? PipedInput => null;

        /// <summary>
        /// The operation for the active context: made once, and again only when the context changes (piped objects read
        /// through another sandbox), so per-context caches stay valid.
        /// </summary>
        protected T OperationFor<T>(ref T? cached, Func<PlatformClient, T> create)
            where T : PlatformOperation
        {
            var client = ActiveContext.Client;
            if (cached is null || !ReferenceEquals(cached.Client, client))
            {
                cached = create(client);
            }

            return cached;
        }

        /// <summary>
        /// Bulk work through the pipeline: counts this input and shows the count with Write-Progress (the total is not
        /// known while the pipeline streams). The progress bar is closed when the command ends.
        /// </summary>
        protected void CountInput(string activity, object? input)
        {
            _countedActivity = activity;
            _inputsCounted++;
            var shown = input is PSObject piped ? PipelineObjects.ValueOf(piped, "Name") ?? PipelineObjects.ValueOf(piped, "Id") ?? piped.BaseObject : input;
            WriteProgress(new ProgressRecord(CountedActivityId, activity, _inputsCounted + " so far" + (shown is null ? string.Empty : ": " + shown)));
        }

        protected override void EndProcessing()
        {
            base.EndProcessing();
            if (_countedActivity != null)
            {
                WriteProgress(new ProgressRecord(CountedActivityId, _countedActivity, _inputsCounted + " done") { RecordType = ProgressRecordType.Completed });
            }
        }

        private int CountedActivityId => (MyInvocation.MyCommand.Name.GetHashCode() & 0x7FFF) + 100;

        /// <summary>
        /// Runs <paramref name="action"/> for the id given, or for each object of <paramref name="kind"/> the piped
        /// input stands for (itself, or the related ones the platform records; see <see cref="RelatedResources"/>).
        /// Input that stands for none is a non-terminating error for that input.
        /// </summary>
        protected void ForEachId(ResourceKind kind, PSObject? input, string? id, Func<IOperationHost, string, Task> action)
        {
            var client = ActiveContext.Client;
            if (input is null)
            {
                Run(host => action(host, id!));
                return;
            }

            var baseObject = input.BaseObject;
            var properties = PipelineObjects.TextProperties(input, RelatedResources.PropertyNamesOf(kind).Concat(new[] { "Id" }));
            var step = MyInvocation.MyCommand.Name.Replace("-", string.Empty);
            Run(async host =>
            {
                IReadOnlyList<string> ids;
                try
                {
                    ids = await RelatedResources.IdsAsync(client, baseObject, name => properties.TryGetValue(name, out var text) ? text : null, kind, host.Cancellation).ConfigureAwait(false);
                }
                catch (Exception ex) when (!(ex is OperationCanceledException) && !(ex is OutOfMemoryException))
                {
                    host.WriteError(OperationError.From(ex, input, step));
                    return;
                }

                foreach (var each in ids)
                {
                    await action(host, each).ConfigureAwait(false);
                }
            });
        }

        /// <summary>
        /// Converts one input's values; input that cannot be used is a non-terminating error for that input only, so a bulk
        /// run goes on with the next row.
        /// </summary>
        protected bool TryConvert<T>(Func<T> convert, object? target, out T value)
        {
            try
            {
                value = convert();
                return true;
            }
            catch (ArgumentException ex)
            {
                WriteError(new ErrorRecord(ex, "InvalidInput", ErrorCategory.InvalidArgument, target));
                value = default!;
                return false;
            }
        }
    }

    /// <summary>
    /// Base of the cmdlets that work through many inputs: <c>-ThrottleLimit</c> keeps up to that many in flight.
    /// </summary>
    public abstract class BulkCmdlet : PlatformCmdlet
    {
        /// <summary>
        /// How many inputs to work on at once (1 to 64; default 1). Above 1, each result is written as it completes, so the
        /// output order may differ from the input order; errors stay per input and Ctrl+C cancels all in flight.
        /// </summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 1;

        protected override int InputsInFlight => ThrottleLimit;
    }

    /// <summary>
    /// Base of the flow-building cmdlets: takes the whole pipeline input too, to pass on the ids it carries
    /// (<see cref="PipelineIds"/>) to the next step.
    /// </summary>
    public abstract class FlowStepCmdlet : BulkCmdlet
    {
        /// <summary>
        /// With -ThrottleLimit, as many rows again are taken ahead: the step announces their parts' names, which are then
        /// looked up together (several names to a request) while the rows before them are written, so no row waits for
        /// its own lookup.
        /// </summary>
        protected override int InputsAhead => ThrottleLimit;

        /// <summary>The pipeline input as a whole; its carried ids are passed on. Bound from the pipeline only.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject? InputObject { get; set; }

        protected override PSObject? PipedInput => InputObject;

        protected PipelineIds CarriedIds => PipelineObjects.CarriedBy(InputObject);

        /// <summary>The input to name in an error record: the pipeline object (e.g. a CSV row) when there is one.</summary>
        protected object? ErrorTarget(object fallback) => (object?)InputObject ?? fallback;
    }
}
