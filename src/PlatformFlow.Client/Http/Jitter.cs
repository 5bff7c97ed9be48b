using System;
using System.Threading;

namespace PlatformFlow.Client.Http
{
    /// <summary>Random extra waits, so callers that were told to wait the same time come back spread out.</summary>
    internal static class Jitter
    {
        private static readonly ThreadLocal<Random> Random = new ThreadLocal<Random>(() => new Random(Guid.NewGuid().GetHashCode()));

        /// <summary>A wait from zero to <paramref name="spread"/>, uniformly.</summary>
        public static TimeSpan UpTo(TimeSpan spread) =>
            spread <= TimeSpan.Zero ? TimeSpan.Zero : TimeSpan.FromTicks((long)(spread.Ticks * Random.Value!.NextDouble()));
    }
}
