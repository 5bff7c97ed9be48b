using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Management.Automation;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using PlatformFlow.Client.Http;
using PlatformFlow.Client.Operations;
using PlatformFlow.Client.Sessions;

namespace PlatformFlow.Hosting
{
    /// <summary>
    /// The real side of the seam: runs an operation off the pipeline thread and carries every Write*/ShouldProcess back to
    /// it (PowerShell allows them only there), so objects stream as pages arrive and Ctrl+C cancels the requests in flight.
    /// When PowerShell itself throws from one of those calls (<c>-ErrorAction Stop</c>, <c>Select-Object -First</c>
    /// stopping upstream, a downstream command's terminating error), the operation is cancelled and that very exception
    /// leaves <see cref="Run"/>, so PowerShell sees its own signal, not a wrapped one.
    /// </summary>
    internal sealed class CmdletOperationHost : IOperationHost, IDisposable
    {
        private readonly PSCmdlet _cmdlet;
        private readonly BlockingCollection<Action> _pipelineWork = new BlockingCollection<Action>();
        private readonly int _pipelineThread = Environment.CurrentManagedThreadId;
        private readonly CancellationTokenSource _cancellation;
        private readonly bool _skipsConfirmation;
        private readonly PlatformContext? _context;
        private ExceptionDispatchInfo? _pipelineFailure;

        /// <param name="skipsConfirmation">-Force: changes proceed without ShouldProcess (the cmdlet has ruled out -WhatIf and -Confirm).</param>
        /// <param name="context">The context the written objects were read through; they carry it (<see cref="ObjectContexts"/>).</param>
        public CmdletOperationHost(PSCmdlet cmdlet, CancellationToken stopping, bool skipsConfirmation, PlatformContext? context = null)
        {
            _cmdlet = cmdlet;
            _skipsConfirmation = skipsConfirmation;
            _context = context;
            _cancellation = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        }

        public CancellationToken Cancellation => _cancellation.Token;

        /// <summary>True when PowerShell threw from a call made on the pipeline thread; <see cref="Run"/> rethrew it.</summary>
        public bool FailedOnPipelineThread => _pipelineFailure != null;

        public void Dispose()
        {
            _cancellation.Dispose();
            _pipelineWork.Dispose();
        }

        /// <summary>Runs <paramref name="operation"/>, serving its calls on this (the pipeline) thread until it ends.</summary>
        public void Run(Func<IOperationHost, Task> operation)
        {
            var work = Task.Run(async () =>
            {
                using (HttpCallTrace.Listen(call => OnPipelineThread(() => _cmdlet.WriteVerbose(call.ToString()))))
                {
                    await operation(this).ConfigureAwait(false);
                }
            });
            work.ContinueWith(_ => _pipelineWork.CompleteAdding(), TaskScheduler.Default);
            foreach (var action in _pipelineWork.GetConsumingEnumerable())
            {
                action();
            }

            try
            {
                work.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (_pipelineFailure != null)
            {
                // The operation unwound because PowerShell threw on the pipeline thread; that is rethrown below.
            }

            _pipelineFailure?.Throw();
        }

        public ChangeDecision ShouldProcess(string target, string action) =>
            _skipsConfirmation ? ChangeDecision.Proceed : OnPipelineThread(() =>
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
            if (_context != null)
            {
                ObjectContexts.Remember(value, _context);
            }

            OnPipelineThread(() => _cmdlet.WriteObject(PipelineObjects.WithProperties(value, pipelineProperties)));
        }

        public void WriteVerbose(string message) => OnPipelineThread(() => _cmdlet.WriteVerbose(message));

        public void WriteWarning(string message) => OnPipelineThread(() => _cmdlet.WriteWarning(message));

        public void WriteProgress(OperationProgress progress) =>
            OnPipelineThread(() => _cmdlet.WriteProgress(new ProgressRecord(progress.ActivityId, progress.Activity, progress.Status)
            {
                PercentComplete = progress.PercentComplete,
                SecondsRemaining = progress.SecondsRemaining,
                RecordType = progress.Completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
            }));

        public void WriteError(OperationError error) => OnPipelineThread(() => _cmdlet.WriteError(ErrorRecords.From(error)));

        private void OnPipelineThread(Action action) => OnPipelineThread(() =>
        {
            action();
            return true;
        });

        /// <summary>
        /// Runs on the pipeline thread (queued and awaited from the operation's thread). When PowerShell throws, the
        /// exception is kept for <see cref="Run"/> and the operation is cancelled, so it stops at once and reports nothing more.
        /// </summary>
        private T OnPipelineThread<T>(Func<T> function)
        {
            if (Environment.CurrentManagedThreadId == _pipelineThread)
            {
                return function();
            }

            var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
            _pipelineWork.Add(() =>
            {
                if (_pipelineFailure != null)
                {
                    done.SetCanceled();
                    return;
                }

                try
                {
                    done.SetResult(function());
                }
                catch (Exception ex)
                {
                    _pipelineFailure = ExceptionDispatchInfo.Capture(ex);
                    _cancellation.Cancel();
                    done.SetCanceled();
                }
            });
            return done.Task.GetAwaiter().GetResult();
        }
    }
}
