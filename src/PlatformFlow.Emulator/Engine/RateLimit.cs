using System;

namespace PlatformFlow.Emulator.Engine
{
    /// <summary>
    /// A fixed allowed rate, as a gateway enforces it: consecutive one-second windows, the first starting at the first
    /// request; past <see cref="FaultOptions.AllowedRate"/> requests in a window, the answer is 429 with
    /// <c>Retry-After: 1</c>: the whole seconds left in the window, rounded up, as the header has no finer unit.
    /// </summary>
    public sealed class RateLimit(TimeProvider clock)
    {
        private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

        private readonly object _sync = new object();
        private readonly TimeProvider _clock = clock;
        private long? _firstWindowStart;
        private long _window;
        private int _admitted;

        /// <summary>Null when the request is admitted, else the <c>Retry-After</c> seconds to answer its 429 with.</summary>
        public int? Admit(int allowedPerSecond)
        {
            var now = _clock.GetTimestamp();
            lock (_sync)
            {
                var firstWindowStart = _firstWindowStart ??= now;
                var window = _clock.GetElapsedTime(firstWindowStart, now).Ticks / Window.Ticks;
                if (window != _window)
                {
                    _window = window;
                    _admitted = 0;
                }

                if (_admitted < allowedPerSecond)
                {
                    _admitted++;
                    return null;
                }

                // The whole seconds left in a one-second window, rounded up, are always 1.
                return 1;
            }
        }
    }
}
