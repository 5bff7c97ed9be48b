using System.Collections.Concurrent;

namespace PlatformFlow.Client.Caching
{
    /// <summary>
    /// Remembers fetched values (specs, a table's columns, datasets, connections this module created), so concurrent and
    /// repeated callers share one request. Entries live for a set time (forever when none is given); a failed fetch is
    /// forgotten at once, so a typo or a transient error does not stick; writes replace or drop entries. A fetch runs on
    /// no caller's token (<see cref="SharedWork"/>): a caller that cancels stops only its own wait.
    /// </summary>
    public sealed class AsyncCache<T>
    {
        private readonly ConcurrentDictionary<string, Entry> _entries = new ConcurrentDictionary<string, Entry>(StringComparer.OrdinalIgnoreCase);
        private readonly TimeSpan? _lifetime;
        private readonly TimeProvider _clock;

        /// <param name="lifetime">How long a value is served before it is fetched again; null for the whole session.</param>
        public AsyncCache(TimeSpan? lifetime = null, TimeProvider? clock = null)
        {
            _lifetime = lifetime;
            _clock = clock ?? TimeProvider.System;
        }

        /// <param name="fetch">Gets the value; it is handed a token of its own, never <paramref name="cancellationToken"/>.</param>
        public async Task<T> GetAsync(string key, Func<CancellationToken, Task<T>> fetch, CancellationToken cancellationToken)
        {
            var now = _clock.GetUtcNow();

            // One atomic step: of callers renewing the same expired entry at once, all get the one stored.
            var entry = _entries.AddOrUpdate(key, _ => NewEntry(fetch, now), (_, current) => current.Expires <= now ? NewEntry(fetch, now) : current);
            try
            {
                return await SharedWork.WaitAsync(entry.Value.Value, cancellationToken).ConfigureAwait(false);
            }
            catch when (!cancellationToken.IsCancellationRequested)
            {
                // The fetch failed (this caller's own cancellation leaves it to the others).
                ((ICollection<KeyValuePair<string, Entry>>)_entries).Remove(new KeyValuePair<string, Entry>(key, entry));
                throw;
            }
        }

        /// <summary>Serves <paramref name="value"/> for <paramref name="key"/> from now on (e.g. what a create just wrote).</summary>
        public void Set(string key, T value) => _entries[key] = new Entry(new Lazy<Task<T>>(() => Task.FromResult(value)), Expiry(_clock.GetUtcNow()));

        /// <summary>Forgets <paramref name="key"/> (it was changed or removed): the next read fetches it again.</summary>
        public void Remove(string key) => _entries.TryRemove(key, out _);

        private Entry NewEntry(Func<CancellationToken, Task<T>> fetch, DateTimeOffset now) => new Entry(new Lazy<Task<T>>(() => fetch(CancellationToken.None)), Expiry(now));

        private DateTimeOffset Expiry(DateTimeOffset now) => _lifetime is TimeSpan lifetime ? now + lifetime : DateTimeOffset.MaxValue;

        private sealed class Entry
        {
            public Entry(Lazy<Task<T>> value, DateTimeOffset expires)
            {
                Value = value;
                Expires = expires;
            }

            public Lazy<Task<T>> Value { get; }

            public DateTimeOffset Expires { get; }
        }
    }
}
