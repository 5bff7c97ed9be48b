using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace PlatformFlow.Tests.Support
{
    /// <summary>
    /// A clock tests move by hand: <see cref="Advance"/> fires the timers that fall due. With <see cref="AutoAdvance"/>,
    /// every wait (a Polly backoff, a Task.Delay on this provider) moves the clock at once and completes, and is recorded in
    /// <see cref="RequestedDelays"/>: tests see how long the code would have waited without waiting.
    /// </summary>
    public sealed class ManualTimeProvider : TimeProvider
    {
        private readonly object _sync = new object();
        private readonly List<ManualTimer> _timers = new List<ManualTimer>();
        private readonly List<TimeSpan> _requestedDelays = new List<TimeSpan>();
        private DateTimeOffset _now;

        public ManualTimeProvider(DateTimeOffset? start = null)
        {
            _now = start ?? new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);
        }

        public bool AutoAdvance { get; set; }

        public IReadOnlyList<TimeSpan> RequestedDelays
        {
            get { lock (_sync) { return _requestedDelays.ToList(); } }
        }

        public override DateTimeOffset GetUtcNow()
        {
            lock (_sync)
            {
                return _now;
            }
        }

        public override long GetTimestamp() => GetUtcNow().UtcTicks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public void Advance(TimeSpan by)
        {
            List<ManualTimer> due;
            lock (_sync)
            {
                _now += by;
                due = _timers.Where(t => t.DueAt <= _now).ToList();
            }

            foreach (var timer in due)
            {
                timer.Fire();
            }
        }

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = new ManualTimer(this, callback, state);
            timer.Change(dueTime, period);
            return timer;
        }

        private void Schedule(ManualTimer timer, TimeSpan dueTime)
        {
            bool fireNow;
            lock (_sync)
            {
                _timers.Remove(timer);
                if (dueTime == Timeout.InfiniteTimeSpan)
                {
                    return;
                }

                _requestedDelays.Add(dueTime);
                if (AutoAdvance)
                {
                    _now += dueTime;
                }

                timer.DueAt = _now + (AutoAdvance ? TimeSpan.Zero : dueTime);
                fireNow = timer.DueAt <= _now;
                if (!fireNow)
                {
                    _timers.Add(timer);
                }
            }

            if (fireNow)
            {
                ThreadPool.QueueUserWorkItem(_ => timer.Fire());
            }
        }

        private void Unschedule(ManualTimer timer)
        {
            lock (_sync)
            {
                _timers.Remove(timer);
            }
        }

        private sealed class ManualTimer : ITimer
        {
            private readonly ManualTimeProvider _owner;
            private readonly TimerCallback _callback;
            private readonly object? _state;
            private TimeSpan _period = Timeout.InfiniteTimeSpan;

            public ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state)
            {
                _owner = owner;
                _callback = callback;
                _state = state;
            }

            public DateTimeOffset DueAt { get; set; }

            public bool Change(TimeSpan dueTime, TimeSpan period)
            {
                _period = period;
                _owner.Schedule(this, dueTime);
                return true;
            }

            public void Fire()
            {
                _owner.Unschedule(this);
                _callback(_state);
                if (_period != Timeout.InfiniteTimeSpan && _period > TimeSpan.Zero)
                {
                    _owner.Schedule(this, _period);
                }
            }

            public void Dispose() => _owner.Unschedule(this);

            public System.Threading.Tasks.ValueTask DisposeAsync()
            {
                Dispose();
                return default;
            }
        }
    }
}
