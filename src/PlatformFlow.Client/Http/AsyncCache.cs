using System;
using System.Collections.Concurrent;
using System.Threading.Tasks;

namespace PlatformFlow.Client.Http
{
    /// <summary>
    /// Remembers fetched values that do not change during a session (specs, a table's columns), so concurrent and repeated
    /// callers share one request. A failed fetch is forgotten, so a typo or a transient error does not stick.
    /// </summary>
    public sealed class AsyncCache<T>
    {
        private readonly ConcurrentDictionary<string, Lazy<Task<T>>> _entries = new ConcurrentDictionary<string, Lazy<Task<T>>>(StringComparer.OrdinalIgnoreCase);

        public async Task<T> GetAsync(string key, Func<Task<T>> fetch)
        {
            var entry = _entries.GetOrAdd(key, _ => new Lazy<Task<T>>(fetch));
            try
            {
                return await entry.Value.ConfigureAwait(false);
            }
            catch
            {
                ((System.Collections.Generic.ICollection<System.Collections.Generic.KeyValuePair<string, Lazy<Task<T>>>>)_entries)
                    .Remove(new System.Collections.Generic.KeyValuePair<string, Lazy<Task<T>>>(key, entry));
                throw;
            }
        }
    }
}
