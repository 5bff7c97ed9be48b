using System;

namespace PlatformFlow.Emulator.Engine
{
    /// <summary>
    /// A fixed allowed rate, as a gateway enforces it: consecutive one-second windows, the first starting at the first
    /// request; past <see cref="FaultOptions.AllowedRate"/> requests in a window, the answer is 429 with
    /// <c>Retry-After</c> set to the whole seconds left in the window (at least 1), as the header has no finer unit.
    /// </summary>
    public sealed class RateLimit
    {
        private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

        private readonly object _sync = new object();
        private readonly TimeProvider _clock;
        private long _firstWindowStart = -1;
        private long _window = -1;
        private int _admitted;

        public RateLimit(TimeProvider clock)
        {
            _clock = clock;
        }

        /// <summary>Null when the request is admitted, else the <c>Retry-After</c> seconds to answer its 429 with.</summary>
        public int? Admit(int allowedPerSecond)
        {
            var now = _clock.GetTimestamp();
            lock (_sync)
            {
                if (_firstWindowStart < 0)
                {
                    _firstWindowStart = now;
                }

                var elapsed = _clock.GetElapsedTime(_firstWindowStart, now);
                var window = elapsed.Ticks / Window.Ticks;
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

                var left = TimeSpan.FromTicks(((window + 1) * Window.Ticks) - elapsed.Ticks);
                return Math.Max(1, (int)Math.Ceiling(left.TotalSeconds));
            }
        }
    }
}
