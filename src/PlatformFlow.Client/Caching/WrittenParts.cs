namespace PlatformFlow.Client.Caching
{
    /// <summary>
    /// What this module wrote or removed since an index's answers were asked, laid over them: an answer may miss a part
    /// that was being created while it was asked, or still hold one just removed. Thread-safe: an index lays it over its
    /// answers under its own lock, and writes are remembered from any thread.
    /// </summary>
    internal sealed class WrittenParts<T>
        where T : class
    {
        private readonly Func<T, string> _idOf;
        private readonly Dictionary<string, T> _written = new Dictionary<string, T>(StringComparer.Ordinal);
        private readonly HashSet<string> _removed = new HashSet<string>(StringComparer.Ordinal);
        private readonly object _sync = new object();

        public WrittenParts(Func<T, string> idOf)
        {
            _idOf = idOf;
        }

        /// <summary>A part created or changed: found from now on as it is.</summary>
        public void Remember(T part)
        {
            lock (_sync)
            {
                _removed.Remove(_idOf(part));
                _written[_idOf(part)] = part;
            }
        }

        /// <summary>A part removed.</summary>
        public void Forget(string id)
        {
            lock (_sync)
            {
                _written.Remove(id);
                _removed.Add(id);
            }
        }

        public void Clear()
        {
            lock (_sync)
            {
                _written.Clear();
                _removed.Clear();
            }
        }

        /// <summary>The answered parts neither written nor removed since, then the written ones <paramref name="sameKey"/> picks.</summary>
        public List<T> Over(IEnumerable<T> answered, Func<T, bool> sameKey)
        {
            lock (_sync)
            {
                var found = answered.Where(p => !_removed.Contains(_idOf(p)) && !_written.ContainsKey(_idOf(p))).ToList();
                found.AddRange(_written.Values.Where(sameKey));
                return found;
            }
        }
    }
}
