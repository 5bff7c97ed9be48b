using System.Collections.Concurrent;

namespace PlatformFlow.Client.Parts
{
    /// <summary>One async lock per key: parts with the same key are made one at a time per context.</summary>
    public sealed class KeyedGate
    {
        private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new ConcurrentDictionary<string, SemaphoreSlim>(PartKey.Comparer);

        public async Task<IDisposable> EnterAsync(string key, CancellationToken cancellationToken)
        {
            var gate = _gates.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            return new Release(gate);
        }

        private sealed class Release : IDisposable
        {
            private SemaphoreSlim? _gate;

            public Release(SemaphoreSlim gate)
            {
                _gate = gate;
            }

            public void Dispose() => Interlocked.Exchange(ref _gate, null)?.Release();
        }
    }
}
