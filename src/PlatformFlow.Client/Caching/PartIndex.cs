using PlatformFlow.Client.Api;

namespace PlatformFlow.Client.Caching
{
    /// <summary>
    /// The parts of one kind by a natural key no platform filter can ask for (a mapping set's content), for
    /// create-or-reuse: listed once per run and shared by every command and runspace of the context, so finding a part costs no request in steady state. This module's own writes keep it current; it is
    /// listed again once <see cref="ReadCachePolicy.Lifetime"/> has passed. The listing runs on no caller's token
    /// (<see cref="SharedWork"/>): a caller that cancels stops only its own wait.
    /// </summary>
    public sealed class PartIndex<T>
        where T : class
    {
        private readonly object _sync = new object();
        private readonly Func<CancellationToken, IAsyncEnumerable<T>> _listAll;
        private readonly Func<T, string?> _keyOf;
        private readonly ReadCachePolicy _policy;

        // This module's writes since the listing began, laid over it.
        private readonly WrittenParts<T> _written;
        private Task<ILookup<string, T>>? _listing;
        private DateTimeOffset _listedAt;

        public PartIndex(Func<CancellationToken, IAsyncEnumerable<T>> listAll, Func<T, string?> keyOf, Func<T, string> idOf, ReadCachePolicy policy)
        {
            _listAll = listAll;
            _keyOf = keyOf;
            _written = new WrittenParts<T>(idOf);
            _policy = policy;
        }

        /// <summary>The parts with this key (oldest listed first, then this module's own writes); empty when there is none.</summary>
        public async Task<IReadOnlyList<T>> FindAsync(string key, CancellationToken cancellationToken)
        {
            var listed = await SharedWork.WaitAsync(Listing(), cancellationToken).ConfigureAwait(false);
            lock (_sync)
            {
                return _written.Over(listed[key], p => string.Equals(_keyOf(p), key, StringComparison.OrdinalIgnoreCase));
            }
        }

        /// <summary>A part this module created or changed (or found by a fresh lookup): found from now on as it is.</summary>
        public void Remember(T part) => _written.Remember(part);

        /// <summary>A part this module removed.</summary>
        public void Forget(string id) => _written.Forget(id);

        /// <summary>Lists again at the next lookup (e.g. after an answer that leaves the platform's state unknown).</summary>
        public void Invalidate()
        {
            lock (_sync)
            {
                _listing = null;
            }
        }

        private Task<ILookup<string, T>> Listing()
        {
            lock (_sync)
            {
                var now = _policy.Clock.GetUtcNow();
                if (_listing is null || _listing.IsFaulted || _listing.IsCanceled || now - _listedAt >= _policy.Lifetime)
                {
                    _written.Clear();
                    _listedAt = now;
                    _listing = ListAllAsync();
                }

                return _listing;
            }
        }

        private async Task<ILookup<string, T>> ListAllAsync()
        {
            var parts = new List<T>();
            await foreach (var part in _listAll(CancellationToken.None).ConfigureAwait(false))
            {
                parts.Add(part);
            }

            return parts.Where(p => _keyOf(p) != null).ToLookup(p => _keyOf(p)!, StringComparer.OrdinalIgnoreCase);
        }
    }
}
