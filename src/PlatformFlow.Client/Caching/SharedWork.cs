namespace PlatformFlow.Client.Caching
{
    /// <summary>
    /// Work shared by several callers (a listing, a cached read) runs on no caller's token, so one caller's Ctrl+C
    /// cannot fail it for the others; each caller waits with its own token and cancels only its own wait.
    /// </summary>
    public static class SharedWork
    {
        /// <summary>
        /// <paramref name="shared"/>'s result, or <see cref="OperationCanceledException"/> as soon as
        /// <paramref name="cancellationToken"/> is cancelled, leaving the work running for the other callers.
        /// </summary>
        public static async Task<T> WaitAsync<T>(Task<T> shared, CancellationToken cancellationToken)
        {
            if (shared.IsCompleted || !cancellationToken.CanBeCanceled)
            {
                return await shared.ConfigureAwait(false);
            }

            var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using (cancellationToken.Register(state => ((TaskCompletionSource<bool>)state!).TrySetResult(true), cancelled))
            {
                if (await Task.WhenAny(shared, cancelled.Task).ConfigureAwait(false) != shared)
                {
                    // Nobody may wait for it any more: its failure is observed here rather than left to the finalizer.
                    _ = shared.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                    throw new OperationCanceledException(cancellationToken);
                }
            }

            return await shared.ConfigureAwait(false);
        }
    }
}
