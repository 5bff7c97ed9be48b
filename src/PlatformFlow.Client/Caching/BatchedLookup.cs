using PlatformFlow.Client.Api;

namespace PlatformFlow.Client.Caching
{
    /// <summary>
    /// Asks a collection for resources by one field (a name, an id) several values to a request, with the platform's
    /// OR-list filter (<c>field==a,b,c</c>, cut to what a URL carries: <see cref="NameFilter"/>). The first value asked is
    /// sent at once; the values asked while a request is out (by the other rows in flight) gather and go together in the
    /// next, so concurrent callers share requests without waiting for a timer, and one caller alone waits for nothing.
    /// A request runs until every caller waiting for it has cancelled; each waits with its own token (<see cref="SharedWork"/>).
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
        private readonly Dictionary<string, Waiting> _pending;

        // Values whose request is out, so a caller asking for one meanwhile joins that request instead of sending another.
        private readonly Dictionary<string, Waiting> _sent;
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
            _pending = new Dictionary<string, Waiting>(comparer);
            _sent = new Dictionary<string, Waiting>(comparer);
        }

        /// <summary>
        /// The resources whose field has this value (by the comparer); empty when none has. A request that every caller
        /// waiting for it has cancelled is cancelled; one that another caller still waits for goes on, and this caller is
        /// asked again (it did not cancel).
        /// </summary>
        public async Task<IReadOnlyList<T>> FindAsync(string value, CancellationToken cancellationToken)
        {
            while (true)
            {
                var answer = Ask(value, cancellationToken);
                try
                {
                    return await SharedWork.WaitAsync(answer, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && answer.IsCanceled)
                {
                    // The request was cancelled by the callers that had asked before: ask again, this time as one of them.
                }
            }
        }

        /// <summary>
        /// The shared answer for <paramref name="value"/>: joins the next request (one already waiting for it, if any). The
        /// request is cancelled once every caller that asked for one of its values has cancelled its token.
        /// </summary>
        public Task<IReadOnlyList<T>> Ask(string value, CancellationToken cancellationToken)
        {
            Waiting? waiting;
            var send = false;
            lock (_sync)
            {
                if (_sent.TryGetValue(value, out waiting) && waiting.Request!.Join(cancellationToken))
                {
                    return waiting.Answer.Task;
                }

                if (!_pending.TryGetValue(value, out waiting))
                {
                    _pending[value] = waiting = new Waiting();
                    send = _senders < MaxRequestsInFlight;
                    _senders += send ? 1 : 0;
                }

                waiting.Askers.Add(cancellationToken);
            }

            if (send)
            {
                _ = Task.Run(SendPendingAsync);
            }

            return waiting.Answer.Task;
        }

        /// <summary>Sends the values waiting, then those that came meanwhile, until none wait.</summary>
        private async Task SendPendingAsync()
        {
            while (true)
            {
                Dictionary<string, Waiting> batch;
                lock (_sync)
                {
                    if (_pending.Count == 0)
                    {
                        _senders--;
                        return;
                    }

                    batch = new Dictionary<string, Waiting>(_comparer);
                    foreach (var pending in _pending)
                    {
                        // Values that nobody waits for any more are not asked.
                        if (pending.Value.Askers.All(t => t.IsCancellationRequested))
                        {
                            pending.Value.Answer.TrySetCanceled();
                        }
                        else
                        {
                            batch[pending.Key] = pending.Value;
                        }
                    }

                    _pending.Clear();
                }

                await Task.WhenAll(NameFilter.Chunks(_field, batch.Keys, _maxFilterLength).Select(values => AskAsync(values, batch))).ConfigureAwait(false);
            }
        }

        private async Task AskAsync(IReadOnlyList<string> values, Dictionary<string, Waiting> batch)
        {
            using var request = new SharedRequest();
            lock (_sync)
            {
                foreach (var value in values)
                {
                    batch[value].Request = request;
                    _sent[value] = batch[value];
                    foreach (var asker in batch[value].Askers)
                    {
                        request.Join(asker);
                    }
                }
            }

            try
            {
                var found = new Dictionary<string, List<T>>(_comparer);
                await foreach (var resource in _listFiltered(NameFilter.Of(_field, values), request.Cancellation).ConfigureAwait(false))
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

                Answer(values, batch, (value, answer) => answer.TrySetResult(found.TryGetValue(value, out var resources) ? resources : (IReadOnlyList<T>)Array.Empty<T>()));
            }
            catch (OperationCanceledException) when (request.Cancellation.IsCancellationRequested)
            {
                Answer(values, batch, (_, answer) => answer.TrySetCanceled());
            }
            catch (Exception ex)
            {
                Answer(values, batch, (_, answer) => answer.TrySetException(ex));
            }
        }

        private void Answer(IReadOnlyList<string> values, Dictionary<string, Waiting> batch, Action<string, TaskCompletionSource<IReadOnlyList<T>>> answer)
        {
            lock (_sync)
            {
                foreach (var value in values)
                {
                    _sent.Remove(value);
                }
            }

            foreach (var value in values)
            {
                answer(value, batch[value].Answer);
            }
        }

        /// <summary>One request out, cancelled once every caller that waits for it has cancelled (a token that cannot be cancelled keeps it).</summary>
        private sealed class SharedRequest : IDisposable
        {
            private readonly CancellationTokenSource _everyoneGone = new CancellationTokenSource();
            private readonly List<CancellationTokenRegistration> _registrations = new List<CancellationTokenRegistration>();
            private int _waiting;

            public CancellationToken Cancellation => _everyoneGone.Token;

            /// <summary>Counts one more caller waiting; false when the request is already cancelled (the caller asks anew).</summary>
            public bool Join(CancellationToken asker)
            {
                lock (_registrations)
                {
                    if (_everyoneGone.IsCancellationRequested)
                    {
                        return false;
                    }

                    _waiting++;
                    _registrations.Add(asker.Register(Leave));
                    return true;
                }
            }

            public void Dispose()
            {
                lock (_registrations)
                {
                    foreach (var registration in _registrations)
                    {
                        registration.Dispose();
                    }
                }

                _everyoneGone.Dispose();
            }

            private void Leave()
            {
                bool everyone;
                lock (_registrations)
                {
                    everyone = --_waiting == 0;
                }

                // Outside the lock: what the cancellation runs may ask for the lookup's lock.
                if (everyone)
                {
                    _everyoneGone.Cancel();
                }
            }
        }

        /// <summary>A value asked for: its answer, and the tokens of the callers that asked.</summary>
        private sealed class Waiting
        {
            public TaskCompletionSource<IReadOnlyList<T>> Answer { get; } = new TaskCompletionSource<IReadOnlyList<T>>(TaskCreationOptions.RunContinuationsAsynchronously);

            public List<CancellationToken> Askers { get; } = new List<CancellationToken>();

            /// <summary>The request it went out in; null until it is sent.</summary>
            public SharedRequest? Request { get; set; }
        }
    }
}
