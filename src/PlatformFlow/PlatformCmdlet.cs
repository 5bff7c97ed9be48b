using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
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

        /// <summary>True when the user waived the confirmation question (<c>-Force</c>); ShouldProcess then proceeds unasked.</summary>
        protected virtual bool SkipsConfirmation => false;

        /// <summary>How many inputs may be in flight at once; 1 (one at a time, outputs in input order) unless a cmdlet offers -ThrottleLimit.</summary>
        protected virtual int InputsInFlight => 1;

        /// <summary>
        /// Runs one operation for the current input, on the seam. With one input in flight it returns when the operation has
        /// ended; with more, as soon as there is room for the next input (the rest finish in <see cref="EndProcessing"/>).
        /// A failure that escapes an operation ends the command.
        /// </summary>
        protected void Run(Func<IOperationHost, Task> operation)
        {
            var host = _host ??= new CmdletOperationHost(this, _stopping.Token, SkipsConfirmation);
            var limit = InputsInFlight;
            Serve(() => host.Start(operation, limit));
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
        /// <summary>The signed-in context to use instead of the current one (two orgs or sandboxes in one script).</summary>
        [Parameter]
        [ValidateNotNull]
        public PlatformContext? Context { get; set; }

        /// <summary>The context this call uses; a terminating error when there is none.</summary>
        protected PlatformContext ActiveContext
        {
            get
            {
                var context = Context ?? PlatformContexts.Current;
                if (context is null || context.IsDisconnected)
                {
                    ThrowTerminatingError(new ErrorRecord(
                        new InvalidOperationException("Not connected to the platform. Run Connect-Platform first (Connect-Platform -Emulator for the offline sandbox)."),
                        "NotConnected",
                        ErrorCategory.ConnectionError,
                        null));
                }

                return context!;
            }
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
        /// <summary>The pipeline input as a whole; its carried ids are passed on. Bound from the pipeline only.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject? InputObject { get; set; }

        protected PipelineIds CarriedIds => PipelineObjects.CarriedBy(InputObject);

        /// <summary>The input to name in an error record: the pipeline object (e.g. a CSV row) when there is one.</summary>
        protected object? ErrorTarget(object fallback) => (object?)InputObject ?? fallback;
    }
}
