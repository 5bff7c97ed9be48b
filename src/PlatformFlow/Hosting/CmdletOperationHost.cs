using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PlatformFlow.Client.Http;
using PlatformFlow.Client.Operations;

namespace PlatformFlow.Hosting
{
    /// <summary>
    /// The real side of the seam: runs an operation off the pipeline thread and carries every Write*/ShouldProcess back to
    /// it (PowerShell allows them only there), so objects stream as pages arrive and Ctrl+C cancels the requests in flight.
    /// </summary>
    internal sealed class CmdletOperationHost : IOperationHost
    {
        private readonly PSCmdlet _cmdlet;
        private readonly BlockingCollection<Action> _pipelineWork = new BlockingCollection<Action>();
        private readonly int _pipelineThread = Environment.CurrentManagedThreadId;

        public CmdletOperationHost(PSCmdlet cmdlet, CancellationToken cancellation)
        {
            _cmdlet = cmdlet;
            Cancellation = cancellation;
        }

        public CancellationToken Cancellation { get; }

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

            work.GetAwaiter().GetResult();
        }

        public ChangeDecision ShouldProcess(string target, string action) =>
            OnPipelineThread(() =>
            {
                var description = "Performing the operation \"" + action + "\" on target \"" + target + "\".";
                var warning = "Are you sure you want to perform this action?" + Environment.NewLine + description;
                if (_cmdlet.ShouldProcess(description, warning, "Confirm", out var reason))
                {
                    return ChangeDecision.Proceed;
                }

                return reason == ShouldProcessReason.WhatIf ? ChangeDecision.WhatIf : ChangeDecision.Declined;
            });

        public void WriteObject(object value, IReadOnlyList<KeyValuePair<string, object?>>? pipelineProperties = null) =>
            OnPipelineThread(() => _cmdlet.WriteObject(PipelineObjects.WithProperties(value, pipelineProperties)));

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

        /// <summary>Runs on the pipeline thread: at once when already there, else queued and awaited.</summary>
        private T OnPipelineThread<T>(Func<T> function)
        {
            if (Environment.CurrentManagedThreadId == _pipelineThread)
            {
                return function();
            }

            var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
            _pipelineWork.Add(() =>
            {
                try
                {
                    done.SetResult(function());
                }
                catch (Exception ex)
                {
                    done.SetException(ex);
                }
            });
            return done.Task.GetAwaiter().GetResult();
        }
    }
}
