namespace PlatformFlow.Emulator.SourceData
{
    /// <summary>
    /// SplitMix64: a tiny generator whose sequence for a seed is fixed by this code alone (System.Random's is not a
    /// documented contract), so the record sets, and the counts docs/emulator.md states, never move.
    /// </summary>
    internal sealed class SeededRandom
    {
        private ulong _state;

        public SeededRandom(ulong seed)
        {
            _state = seed;
        }

        /// <summary>A number from 0 (inclusive) to 1 (exclusive).</summary>
        public double NextDouble() => (NextBits() >> 11) * (1.0 / (1UL << 53));

        /// <summary>A whole number from 0 to <paramref name="count"/> - 1.</summary>
        public int Next(int count) => (int)(NextBits() % (ulong)count);

        /// <summary>A whole number from <paramref name="minimum"/> to <paramref name="maximum"/>, both included.</summary>
        public int Between(int minimum, int maximum) => minimum + Next(maximum - minimum + 1);

        public T Pick<T>(T[] items) => items[Next(items.Length)];

        private ulong NextBits()
        {
            unchecked
            {
                _state += 0x9E3779B97F4A7C15UL;
                var z = _state;
                z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
                z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
                return z ^ (z >> 31);
            }
        }
    }
}
