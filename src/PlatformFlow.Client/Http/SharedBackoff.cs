using System;
using System.Threading;

namespace PlatformFlow.Client.Http
{
    /// <summary>
    /// One signed-in context's "the server said wait": after a 429 with <c>Retry-After</c>, every request of the context,
    /// new ones too, waits until then instead of piling onto a throttled platform, each with its own jitter so they do
    /// not return together. Thread-safe; shared by every runspace using the context.
    /// </summary>
    public sealed class SharedBackoff
    {
        private readonly object _sync = new object();
        private DateTimeOffset _openAt = DateTimeOffset.MinValue;
        private TimeSpan _spread;

        /// <summary>Requests wait until <paramref name="openAt"/> (a later time already set stands), plus up to <paramref name="spread"/> of jitter.</summary>
        public void WaitUntil(DateTimeOffset openAt, TimeSpan spread)
        {
            lock (_sync)
            {
                if (openAt > _openAt)
                {
                    _openAt = openAt;
                    _spread = spread;
                }
            }
        }

        /// <summary>How long a request about to be sent at <paramref name="now"/> waits first; zero when the platform has not asked.</summary>
        public TimeSpan DelayAt(DateTimeOffset now)
        {
            DateTimeOffset openAt;
            TimeSpan spread;
            lock (_sync)
            {
                openAt = _openAt;
                spread = _spread;
            }

            return openAt > now ? openAt - now + Jitter.UpTo(spread) : TimeSpan.Zero;
        }
    }

    /// <summary>Random extra waits, so callers that were told to wait the same time come back spread out.</summary>
    internal static class Jitter
    {
        private static readonly ThreadLocal<Random> Random = new ThreadLocal<Random>(() => new Random(Guid.NewGuid().GetHashCode()));

        /// <summary>A wait from zero to <paramref name="spread"/>, uniformly.</summary>
        public static TimeSpan UpTo(TimeSpan spread) =>
            spread <= TimeSpan.Zero ? TimeSpan.Zero : TimeSpan.FromTicks((long)(spread.Ticks * Random.Value!.NextDouble()));
    }
}
