using System;
using System.Threading;
using System.Threading.Tasks;
using PlatformFlow.Client.Sessions;

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
}
