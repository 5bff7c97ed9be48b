using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PlatformFlow.Client.Api;

namespace PlatformFlow.Client.Caching
{
    /// <summary>
    /// Asks a collection for resources by one field (a name, an id) several values to a request, with the platform's
    /// OR-list filter (<c>field==a,b,c</c>, cut to what a URL carries: <see cref="NameFilter"/>). The first value asked is
    /// sent at once; the values asked while a request is out (by the other rows in flight) gather and go together in the
    /// next, so concurrent callers share requests without waiting for a timer, and one caller alone waits for nothing.
    /// Requests run on no caller's token; the caller waits with its own (<see cref="SharedWork"/>).
    /// </summary>
    public sealed class BatchedLookup<T>
        where T : class
    {
        /// <summary>
        /// Requests out at once for one collection; values asked while they are all out gather for the next. One: more
        /// shorten no row's wait by much (measured on P1 in a sandbox that is not empty: 4 at once took 27.8 s instead of
        /// 30.1 s, for 2.4 times the lookups).
        /// </summary>
        public const int MaxRequestsInFlight = 1;

        private readonly object _sync = new object();
        private readonly string _field;
        private readonly Func<string, CancellationToken, IAsyncEnumerable<T>> _listFiltered;
        private readonly Func<T, string?> _valueOf;
        private readonly StringComparer _comparer;
        private readonly int _maxFilterLength;
        private readonly Dictionary<string, TaskCompletionSource<IReadOnlyList<T>>> _pending;
        private int _senders;

        /// <param name="field">The field filtered on, e.g. <c>name</c>.</param>
        /// <param name="listFiltered">Lists the collection narrowed by one <c>property</c> filter (all pages).</param>
        /// <param name="valueOf">The field's value in a resource, to give each value asked its resources.</param>
        /// <param name="comparer">When two values are the same (the platform's filter takes text in any case).</param>
        public BatchedLookup(string field, Func<string, CancellationToken, IAsyncEnumerable<T>> listFiltered, Func<T, string?> valueOf, StringComparer comparer, int maxFilterLength = NameFilter.MaxEscapedLength)
        {
            _field = field;
            _listFiltered = listFiltered;
            _valueOf = valueOf;
            _comparer = comparer;
            _maxFilterLength = maxFilterLength;
            _pending = new Dictionary<string, TaskCompletionSource<IReadOnlyList<T>>>(comparer);
        }

        /// <summary>The resources whose field has this value (by the comparer); empty when none has.</summary>
        public Task<IReadOnlyList<T>> FindAsync(string value, CancellationToken cancellationToken) =>
            SharedWork.WaitAsync(Ask(value), cancellationToken);

        /// <summary>The shared answer for <paramref name="value"/>: joins the next request (one already waiting for it, if any).</summary>
        public Task<IReadOnlyList<T>> Ask(string value)
        {
            TaskCompletionSource<IReadOnlyList<T>>? waiting;
            var send = false;
            lock (_sync)
            {
                if (!_pending.TryGetValue(value, out waiting))
                {
                    _pending[value] = waiting = new TaskCompletionSource<IReadOnlyList<T>>(TaskCreationOptions.RunContinuationsAsynchronously);
                    send = _senders < MaxRequestsInFlight;
                    _senders += send ? 1 : 0;
                }
            }

            if (send)
            {
                _ = Task.Run(SendPendingAsync);
            }

            return waiting.Task;
        }

        /// <summary>Sends the values waiting, then those that came meanwhile, until none wait.</summary>
        private async Task SendPendingAsync()
        {
            while (true)
            {
                Dictionary<string, TaskCompletionSource<IReadOnlyList<T>>> batch;
                lock (_sync)
                {
                    if (_pending.Count == 0)
                    {
                        _senders--;
                        return;
                    }

                    batch = new Dictionary<string, TaskCompletionSource<IReadOnlyList<T>>>(_pending, _comparer);
                    _pending.Clear();
                }

                await Task.WhenAll(NameFilter.Chunks(_field, batch.Keys, _maxFilterLength).Select(values => AskAsync(values, batch))).ConfigureAwait(false);
            }
        }

        private async Task AskAsync(IReadOnlyList<string> values, Dictionary<string, TaskCompletionSource<IReadOnlyList<T>>> batch)
        {
            try
            {
                var found = new Dictionary<string, List<T>>(_comparer);
                await foreach (var resource in _listFiltered(NameFilter.Of(_field, values), CancellationToken.None).ConfigureAwait(false))
                {
                    if (_valueOf(resource) is string value)
                    {
                        if (!found.TryGetValue(value, out var same))
                        {
                            found[value] = same = new List<T>();
                        }

                        same.Add(resource);
                    }
                }

                foreach (var value in values)
                {
                    batch[value].TrySetResult(found.TryGetValue(value, out var resources) ? resources : (IReadOnlyList<T>)Array.Empty<T>());
                }
            }
            catch (Exception ex)
            {
                foreach (var value in values)
                {
                    batch[value].TrySetException(ex);
                }
            }
        }
    }
}
