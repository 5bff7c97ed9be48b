using PlatformFlow.Client.Api;
using PlatformFlow.Client.Parts;

namespace PlatformFlow.Client.Caching
{
    /// <summary>
    /// The parts of one collection (source connections, flows...) by name, for create-or-reuse, at a cost in proportion to
    /// the names asked for, never to the sandbox: names are asked of the platform several to a request, those asked by
    /// concurrent rows together (<see cref="BatchedLookup{T}"/>). A collection the platform counts empty is not asked
    /// again: every name is missing until this module writes it. Answers, and this module's own writes laid over them, are kept for <see cref="ReadCachePolicy.Lifetime"/>,
    /// then asked afresh; memory holds the names asked for, not the sandbox. Names follow <see cref="PartKey"/>: the
    /// platform's filter takes them in any case, and the answers are matched to the names asked by the same rule.
    /// A caller that cancels stops only its own wait (<see cref="SharedWork"/>); a request stops once all its callers have.
    /// </summary>
    public sealed class NameIndex<T>
        where T : class
    {
        private readonly object _sync = new object();
        private readonly BatchedLookup<T> _lookup;
        private readonly Func<CancellationToken, Task<long>> _count;
        private readonly Func<T, string?> _nameOf;
        private readonly ReadCachePolicy _policy;

        private readonly Dictionary<string, Task<IReadOnlyList<T>>> _answers = new Dictionary<string, Task<IReadOnlyList<T>>>(PartKey.Comparer);

        // This module's writes since the answers began, laid over them.
        private readonly WrittenParts<T> _written;
        private Task<bool>? _empty;
        private DateTimeOffset _since;

        /// <param name="listFiltered">Lists the collection narrowed by one <c>property</c> filter (all pages).</param>
        /// <param name="count">Counts the whole collection (<c>count=true</c>: one request, nothing listed).</param>
        public NameIndex(Func<string, CancellationToken, IAsyncEnumerable<T>> listFiltered, Func<CancellationToken, Task<long>> count, Func<T, string?> nameOf, Func<T, string> idOf, ReadCachePolicy policy, int maxFilterLength = NameFilter.MaxEscapedLength)
        {
            _lookup = new BatchedLookup<T>("name", listFiltered, nameOf, PartKey.Comparer, maxFilterLength);
            _count = count;
            _nameOf = nameOf;
            _written = new WrittenParts<T>(idOf);
            _policy = policy;
        }

        /// <summary>The parts with this name (as the platform answered, then this module's own writes); empty when there is none.</summary>
        public async Task<IReadOnlyList<T>> FindAsync(string name, CancellationToken cancellationToken)
        {
            IReadOnlyList<T> answered;
            while (true)
            {
                if (await SharedWork.WaitAsync(EmptyAtStart(), cancellationToken).ConfigureAwait(false))
                {
                    answered = Array.Empty<T>();
                    break;
                }

                var answer = Joined(name, cancellationToken);
                try
                {
                    answered = await SharedWork.WaitAsync(answer, cancellationToken).ConfigureAwait(false);
                    break;
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && answer.IsCanceled)
                {
                    // The callers that had asked before all cancelled, and so did the request: ask again.
                }
            }

            lock (_sync)
            {
                return _written.Over(answered, p => PartKey.Same(_nameOf(p), name));
            }
        }

        /// <summary>
        /// Starts looking the name up without waiting for it (a row taken ahead announces the part it will make), so the
        /// <see cref="FindAsync"/> that follows finds it answered, or asked together with the names announced meanwhile.
        /// </summary>
        /// <param name="cancellationToken">Cancelled when the row will not run after all (Ctrl+C): the lookup stops unless another caller waits for it.</param>
        public void Announce(string name, CancellationToken cancellationToken) =>
            _ = AnswerFor(name, cancellationToken).ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

        /// <summary>Asks for all these names at once (as few requests as the URL allows), so the lookups that follow cost none.</summary>
        public Task PrefetchAsync(IEnumerable<string> names, CancellationToken cancellationToken) =>
            Task.WhenAll(names.Distinct(PartKey.Comparer).Select(name => FindAsync(name, cancellationToken)));

        /// <summary>A part this module created or changed (or found by a fresh lookup): found from now on as it is.</summary>
        public void Remember(T part) => _written.Remember(part);

        /// <summary>A part this module removed.</summary>
        public void Forget(string id) => _written.Forget(id);

        /// <summary>Asks afresh at the next lookup (e.g. after an answer that leaves the platform's state unknown).</summary>
        public void Invalidate()
        {
            lock (_sync)
            {
                _empty = null;
                _answers.Clear();
                _written.Clear();
            }
        }

        private async Task<IReadOnlyList<T>> AnswerFor(string name, CancellationToken cancellationToken) =>
            await EmptyAtStart().ConfigureAwait(false) ? Array.Empty<T>() : await Joined(name, cancellationToken).ConfigureAwait(false);

        /// <summary>The platform's answer for the name: one still out is joined (this caller's token keeps its request going), a failed one asked again.</summary>
        private Task<IReadOnlyList<T>> Joined(string name, CancellationToken cancellationToken)
        {
            lock (_sync)
            {
                if (!_answers.TryGetValue(name, out var answer) || !answer.IsCompleted || answer.IsFaulted || answer.IsCanceled)
                {
                    _answers[name] = answer = _lookup.Ask(name, cancellationToken);
                }

                return answer;
            }
        }

        /// <summary>Whether the collection held nothing when this lifetime began (counted once per lifetime, shared).</summary>
        private Task<bool> EmptyAtStart()
        {
            lock (_sync)
            {
                var now = _policy.Clock.GetUtcNow();
                if (now - _since >= _policy.Lifetime)
                {
                    _since = now;
                    _empty = null;
                    _answers.Clear();
                    _written.Clear();
                }

                if (_empty is null || _empty.IsFaulted || _empty.IsCanceled)
                {
                    _empty = CountsEmptyAsync();
                }

                return _empty;
            }
        }

        private async Task<bool> CountsEmptyAsync() => await _count(CancellationToken.None).ConfigureAwait(false) == 0;
    }
}
