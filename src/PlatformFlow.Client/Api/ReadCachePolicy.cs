using PlatformFlow.Client.Caching;

namespace PlatformFlow.Client.Api
{
    /// <summary>
    /// How a context shares reads that do not change within a run: every cache and part index of one
    /// <see cref="PlatformClient"/> (so of every command and runspace that uses the context) lives this long.
    /// </summary>
    public sealed class ReadCachePolicy(TimeSpan lifetime, TimeProvider clock)
    {
        public TimeSpan Lifetime { get; } = lifetime;

        public TimeProvider Clock { get; } = clock;

        public AsyncCache<T> NewCache<T>() => new AsyncCache<T>(Lifetime, Clock);
    }
}
