namespace PlatformFlow.Client.Operations
{
    /// <summary>
    /// Works on a list of inputs up to a limit at once (an operation's <c>-ThrottleLimit</c>) while what each writes (objects,
    /// errors, verbose, warnings) comes out in input order, as it would one at a time: each input writes into its own
    /// buffer, handed on once every input before it has ended. Progress and questions (-Confirm) go straight through.
    /// </summary>
    public static class InputOrder
    {
        /// <summary>Runs <paramref name="work"/> for each item (with its position), at most <paramref name="limit"/> at once.</summary>
        public static async Task ForEachAsync<T>(IReadOnlyList<T> items, int limit, IOperationHost host, Func<T, int, IOperationHost, Task> work)
        {
            if (limit <= 1)
            {
                for (var i = 0; i < items.Count; i++)
                {
                    await work(items[i], i, host).ConfigureAwait(false);
                }

                return;
            }

            using var slots = new SemaphoreSlim(limit);
            var buffers = items.Select(_ => new BufferedHost(host)).ToList();

            // Waiters on a SemaphoreSlim are let in first come, first served: the inputs start in order.
            var running = items.Select((item, i) => RunAsync(slots, host.Cancellation, () => work(item, i, buffers[i]))).ToList();
            try
            {
                for (var i = 0; i < running.Count; i++)
                {
                    await running[i].ConfigureAwait(false);
                    buffers[i].HandOn();
                }
            }
            finally
            {
                // Ctrl+C or a failure that ends the command: the others are cancelled with the host; none is left unobserved.
                await Task.WhenAll(running.Select(t => t.ContinueWith(static _ => { }, TaskScheduler.Default))).ConfigureAwait(false);
            }
        }

        private static async Task RunAsync(SemaphoreSlim slots, CancellationToken cancellation, Func<Task> work)
        {
            await slots.WaitAsync(cancellation).ConfigureAwait(false);
            try
            {
                await work().ConfigureAwait(false);
            }
            finally
            {
                slots.Release();
            }
        }

        /// <summary>One input's writes, kept until its turn.</summary>
        private sealed class BufferedHost : IOperationHost
        {
            private readonly IOperationHost _host;
            private readonly List<Action<IOperationHost>> _writes = new List<Action<IOperationHost>>();

            public BufferedHost(IOperationHost host)
            {
                _host = host;
            }

            public CancellationToken Cancellation => _host.Cancellation;

            public Task<ChangeDecision> ShouldProcessAsync(string target, string action) => _host.ShouldProcessAsync(target, action);

            public void WriteObject(object value, IReadOnlyList<KeyValuePair<string, object?>>? pipelineProperties = null) => Keep(h => h.WriteObject(value, pipelineProperties));

            // Its writes are held until its turn anyway.
            public Task WhenWrittenAsync() => Task.CompletedTask;

            public void WriteVerbose(string message) => Keep(h => h.WriteVerbose(message));

            public void WriteWarning(string message) => Keep(h => h.WriteWarning(message));

            public void WriteProgress(OperationProgress progress) => _host.WriteProgress(progress);

            public void WriteError(OperationError error) => Keep(h => h.WriteError(error));

            public void HandOn()
            {
                lock (_writes)
                {
                    foreach (var write in _writes)
                    {
                        write(_host);
                    }

                    _writes.Clear();
                }
            }

            private void Keep(Action<IOperationHost> write)
            {
                lock (_writes)
                {
                    _writes.Add(write);
                }
            }
        }
    }
}
