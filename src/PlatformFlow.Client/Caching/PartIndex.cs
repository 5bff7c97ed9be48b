using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
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
        private readonly Func<T, string> _idOf;
        private readonly ReadCachePolicy _policy;

        // What this module wrote or removed since the listing began, laid over it (a listing may miss a part that was
        // being created while it ran).
        private readonly Dictionary<string, T> _written = new Dictionary<string, T>(StringComparer.Ordinal);
        private readonly HashSet<string> _removed = new HashSet<string>(StringComparer.Ordinal);
        private Task<ILookup<string, T>>? _listing;
        private DateTimeOffset _listedAt;

        public PartIndex(Func<CancellationToken, IAsyncEnumerable<T>> listAll, Func<T, string?> keyOf, Func<T, string> idOf, ReadCachePolicy policy)
        {
            _listAll = listAll;
            _keyOf = keyOf;
            _idOf = idOf;
            _policy = policy;
        }

        /// <summary>The parts with this key (oldest listed first, then this module's own writes); empty when there is none.</summary>
        public async Task<IReadOnlyList<T>> FindAsync(string key, CancellationToken cancellationToken)
        {
            var listed = await SharedWork.WaitAsync(Listing(), cancellationToken).ConfigureAwait(false);
            lock (_sync)
            {
                var found = listed[key].Where(p => !_removed.Contains(_idOf(p)) && !_written.ContainsKey(_idOf(p))).ToList();
                found.AddRange(_written.Values.Where(p => string.Equals(_keyOf(p), key, StringComparison.OrdinalIgnoreCase)));
                return found;
            }
        }

        /// <summary>A part this module created or changed (or found by a fresh lookup): found from now on as it is.</summary>
        public void Remember(T part)
        {
            lock (_sync)
            {
                _removed.Remove(_idOf(part));
                _written[_idOf(part)] = part;
            }
        }

        /// <summary>A part this module removed.</summary>
        public void Forget(string id)
        {
            lock (_sync)
            {
                _written.Remove(id);
                _removed.Add(id);
            }
        }

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
                    _removed.Clear();
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
