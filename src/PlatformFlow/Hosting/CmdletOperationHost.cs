using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using PlatformFlow.Client.Http;
using PlatformFlow.Client.Sessions;

namespace PlatformFlow.Hosting
{
    /// <summary>
    /// The real side of the seam, one per cmdlet invocation: runs operations off the pipeline thread, up to a throttle limit
    /// at once, and carries every Write*/ShouldProcess back to the pipeline thread (PowerShell allows them only there)
    /// through a message pump. An operation's thread never waits for the pipeline thread: writes are queued and
    /// ShouldProcess is awaited, so no thread-pool thread is parked per stage however many stages and runspaces run.
    /// When PowerShell itself throws from one of those calls (<c>-ErrorAction Stop</c>, <c>Select-Object -First</c>
    /// stopping upstream, a downstream command's terminating error), every operation is cancelled and that very exception
    /// leaves the pump, so PowerShell sees its own signal, not a wrapped one.
    /// </summary>
    internal sealed class CmdletOperationHost : IOperationHost, IDisposable
    {
        private readonly PSCmdlet _cmdlet;
        private readonly ConcurrentQueue<Action> _pipelineWork = new ConcurrentQueue<Action>();

        // Released once per queued action and once per finished operation: what the pump waits on. Never disposed, since
        // an operation's completion may signal it after the pump has returned.
        private readonly SemaphoreSlim _wakeUp = new SemaphoreSlim(0);
        private readonly List<Task> _inFlight = new List<Task>();
        private readonly int _pipelineThread = Environment.CurrentManagedThreadId;
        private readonly CancellationTokenSource _cancellation;
        private readonly bool _skipsConfirmation;
        private ExceptionDispatchInfo? _pipelineFailure;
        private ExceptionDispatchInfo? _operationFailure;

        // The throttle limit's places (made at the first Start: one limit per cmdlet invocation).
        private SemaphoreSlim? _places;

        /// <param name="skipsConfirmation">-Force: changes proceed without ShouldProcess (the cmdlet has ruled out -WhatIf and -Confirm).</param>
        /// <param name="context">The context the written objects were read through; they carry it (<see cref="ObjectContexts"/>).</param>
        public CmdletOperationHost(PSCmdlet cmdlet, CancellationToken stopping, bool skipsConfirmation, PlatformContext? context = null)
        {
            _cmdlet = cmdlet;
            _skipsConfirmation = skipsConfirmation;
            OutputContext = context;
            _cancellation = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        }

        public CancellationToken Cancellation => _cancellation.Token;

        /// <summary>The context the written objects were read through; they carry it (<see cref="ObjectContexts"/>).</summary>
        public PlatformContext? OutputContext { get; }

        /// <summary>True when PowerShell threw from a call made on the pipeline thread; the pump rethrew it.</summary>
        public bool FailedOnPipelineThread => _pipelineFailure != null;

        public void Dispose() => _cancellation.Dispose();

        /// <summary>
        /// Starts <paramref name="operation"/> off the pipeline thread, then serves calls on this (the pipeline) thread
        /// until fewer than <paramref name="throttleLimit"/> operations are in flight. 1 runs one input at a time, in order.
        /// </summary>
        /// <param name="inputsAhead">
        /// Inputs taken beyond <paramref name="throttleLimit"/>: each waits for a place before its operation runs, while what
        /// the cmdlet announced for it (its names, see <c>AsyncCmdlet.Announce</c>) is already being looked up.
        /// </param>
        public void Start(Func<IOperationHost, Task> operation, int throttleLimit, int inputsAhead = 0)
        {
            // Waiters on a SemaphoreSlim are let in first come, first served: the inputs start in order.
            var places = _places ??= new SemaphoreSlim(throttleLimit);
            var work = Task.Run(async () =>
            {
                await places.WaitAsync(Cancellation).ConfigureAwait(false);
                try
                {
                    using (HttpCallTrace.Listen(call => Post(() => _cmdlet.WriteVerbose(call.ToString()))))
                    {
                        await operation(this).ConfigureAwait(false);
                    }
                }
                finally
                {
                    places.Release();
                }
            });
            _inFlight.Add(work);
            work.ContinueWith(_ => _wakeUp.Release(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            PumpUntil(() => _inFlight.Count < throttleLimit + inputsAhead);
        }

        /// <summary>Serves calls until every operation has ended and everything they wrote has reached the pipeline.</summary>
        public void Finish() => PumpUntil(() => _inFlight.Count == 0);

        public Task<ChangeDecision> ShouldProcessAsync(string target, string action) =>
            _skipsConfirmation ? Task.FromResult(ChangeDecision.Proceed) : OnPipelineThreadAsync(() =>
            {
                var description = "Performing the operation \"" + action + "\" on target \"" + target + "\".";
                var warning = "Are you sure you want to perform this action?" + Environment.NewLine + description;
                if (_cmdlet.ShouldProcess(description, warning, "Confirm", out var reason))
                {
                    return ChangeDecision.Proceed;
                }

                return reason == ShouldProcessReason.WhatIf ? ChangeDecision.WhatIf : ChangeDecision.Declined;
            });

        public void WriteObject(object value, IReadOnlyList<KeyValuePair<string, object?>>? pipelineProperties = null)
        {
            // What is written may be a copy (PipelineObjects.WithProperties): that is the object that carries the context.
            var written = PipelineObjects.WithProperties(value, pipelineProperties);
            if (OutputContext != null)
            {
                ObjectContexts.Remember(written, OutputContext);
            }

            Post(() => _cmdlet.WriteObject(written));
        }

        public Task WhenWrittenAsync() => OnPipelineThreadAsync(() => true);

        public void WriteVerbose(string message) => Post(() => _cmdlet.WriteVerbose(message));

        public void WriteWarning(string message) => Post(() => _cmdlet.WriteWarning(message));

        public void WriteProgress(OperationProgress progress) =>
            Post(() => _cmdlet.WriteProgress(new ProgressRecord(progress.ActivityId, progress.Activity, progress.Status)
            {
                PercentComplete = progress.PercentComplete,
                SecondsRemaining = progress.SecondsRemaining,
                RecordType = progress.Completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
            }));

        public void WriteError(OperationError error) => Post(() => _cmdlet.WriteError(ErrorRecords.From(error)));

        /// <summary>
        /// The pump: runs queued calls on the pipeline thread until <paramref name="done"/> holds and nothing is queued.
        /// The first failure (PowerShell's from a call, or an operation's that escaped it) cancels the rest; once they have
        /// all ended, it is rethrown here.
        /// </summary>
        private void PumpUntil(Func<bool> done)
        {
            while (true)
            {
                while (_pipelineWork.TryDequeue(out var action))
                {
                    action();
                }

                CollectFinished();
                var failure = _pipelineFailure ?? _operationFailure;
                if (failure != null)
                {
                    if (_inFlight.Count == 0)
                    {
                        failure.Throw();
                    }
                }
                else if (done() && _pipelineWork.IsEmpty)
                {
                    return;
                }

                _wakeUp.Wait();
            }
        }

        private void CollectFinished()
        {
            for (var i = _inFlight.Count - 1; i >= 0; i--)
            {
                var task = _inFlight[i];
                if (!task.IsCompleted)
                {
                    continue;
                }

                _inFlight.RemoveAt(i);
                try
                {
                    task.GetAwaiter().GetResult();
                }
                catch (Exception ex) when (_operationFailure is null && _pipelineFailure is null)
                {
                    _operationFailure = ExceptionDispatchInfo.Capture(ex);
                    _cancellation.Cancel();
                }
                catch (Exception)
                {
                    // A later failure of the same unwinding (most often the cancellation of the first): the first one is reported.
                }
            }
        }

        /// <summary>Queues a call for the pipeline thread (run at once when already on it); the caller does not wait.</summary>
        private void Post(Action action)
        {
            if (Environment.CurrentManagedThreadId == _pipelineThread)
            {
                RunGuarded(action);
                return;
            }

            _pipelineWork.Enqueue(() => RunGuarded(action));
            _wakeUp.Release();
        }

        /// <summary>
        /// A call whose answer the operation awaits (without blocking its thread). Cancelled with the operations (Ctrl+C,
        /// or PowerShell having thrown, after which queued calls are dropped), so no await is left hanging.
        /// </summary>
        private Task<T> OnPipelineThreadAsync<T>(Func<T> function)
        {
            var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
            var cancelled = _cancellation.Token.Register(() => done.TrySetCanceled());
            done.Task.ContinueWith(_ => cancelled.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            Post(() =>
            {
                try
                {
                    done.TrySetResult(function());
                }
                catch
                {
                    done.TrySetCanceled();
                    throw;
                }
            });
            return done.Task;
        }

        /// <summary>
        /// Runs on the pipeline thread. When PowerShell throws, the exception is kept for the pump and every operation is
        /// cancelled, so they stop at once; later calls are dropped.
        /// </summary>
        private void RunGuarded(Action action)
        {
            if (_pipelineFailure != null)
            {
                return;
            }

            try
            {
                action();
            }
            catch (Exception ex)
            {
                _pipelineFailure = ExceptionDispatchInfo.Capture(ex);
                _cancellation.Cancel();
            }
        }
    }
}
