using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PlatformFlow.Client.Http
{
    /// <summary>
    /// How many requests one context may have in flight, learnt from the platform's answers (additive increase,
    /// multiplicative decrease): while the context is overloaded (at least <see cref="OverloadShare"/> of its recent answers
    /// are 429s; a few random ones are not a sign of it), a 429 halves the limit, at most once per
    /// <see cref="DecreaseInterval"/> since one overload answers many requests at once; every other answer raises it by
    /// one over the limit, so it is back at the most (<see cref="PlatformClientOptions.MaxConcurrentRequests"/>) after a
    /// limit's worth of answers per step. While the limit is lowered, a slot is given back no sooner than
    /// <see cref="MinSlotTime"/> after it was taken, so a limit of N also means about N attempts a slot where answers come
    /// back at once. Thread-safe; shared by every runspace using the context.
    /// </summary>
    public sealed class AdaptiveConcurrency
    {
        /// <summary>Lowered at most this often: the answers to a lowered limit come back within it.</summary>
        public static readonly TimeSpan DecreaseInterval = TimeSpan.FromSeconds(1);

        /// <summary>The least time a slot is held while the limit is lowered: one 100 ms slot, so a limit of N sends at most about N a slot.</summary>
        public static readonly TimeSpan MinSlotTime = TimeSpan.FromMilliseconds(100);

        /// <summary>
        /// The share of 429s among the recent answers from which the context counts as overloaded: a quarter. Random 429s
        /// at a few percent come in clusters of two or three often enough that a tenth counted them as overload, halved the
        /// limit and stalled the rest of the work (P6); a server past its rate refuses far more than a quarter (P5: 57-61%).
        /// </summary>
        public const double OverloadShare = 0.25;

        /// <summary>About how many answers the share of 429s looks back on.</summary>
        private const int RecentAnswers = 32;

        private readonly object _sync = new object();
        private readonly Queue<TaskCompletionSource<bool>> _waiting = new Queue<TaskCompletionSource<bool>>();
        private readonly TimeProvider _clock;
        private readonly int _most;
        private double _limit;
        private int _inFlight;
        private DateTimeOffset _lastDecrease = DateTimeOffset.MinValue;
        private double _throttledShare;

        public AdaptiveConcurrency(int most, TimeProvider clock)
        {
            if (most < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(most), "At least one request must be allowed in flight.");
            }

            _most = most;
            _limit = most;
            _clock = clock;
        }

        /// <summary>The requests allowed in flight now, from one to the most.</summary>
        public int Limit
        {
            get { lock (_sync) { return Allowed; } }
        }

        public int InFlight
        {
            get { lock (_sync) { return _inFlight; } }
        }

        /// <summary>Whether at least <see cref="OverloadShare"/> of the recent answers were 429s.</summary>
        public bool Overloaded
        {
            get { lock (_sync) { return _throttledShare >= OverloadShare; } }
        }

        private int Allowed => Math.Max(1, (int)_limit);

        /// <summary>Waits for a slot, first come first served; the slot is the caller's until <see cref="Release"/>.</summary>
        public ValueTask<Slot> EnterAsync(CancellationToken cancellationToken)
        {
            TaskCompletionSource<bool> turn;
            lock (_sync)
            {
                if (_inFlight < Allowed && _waiting.Count == 0)
                {
                    _inFlight++;
                    return new ValueTask<Slot>(new Slot(_clock.GetUtcNow()));
                }

                turn = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiting.Enqueue(turn);
            }

            return new ValueTask<Slot>(WaitForTurnAsync(turn, cancellationToken));
        }

        /// <summary>Gives the slot back, with what the platform answered: <paramref name="throttled"/> for a 429, null for no answer.</summary>
        public void Release(Slot slot, bool? throttled)
        {
            var now = _clock.GetUtcNow();
            bool lowered;
            lock (_sync)
            {
                if (throttled is bool answered)
                {
                    // A moving average over about the last RecentAnswers answers.
                    _throttledShare += ((answered ? 1 : 0) - _throttledShare) / RecentAnswers;
                }

                if (throttled == true)
                {
                    if (_throttledShare >= OverloadShare && now - _lastDecrease >= DecreaseInterval)
                    {
                        _limit = Math.Max(1, _limit / 2);
                        _lastDecrease = now;
                    }
                }
                else if (throttled == false)
                {
                    _limit = Math.Min(_most, _limit + (1 / _limit));
                }

                lowered = _limit < _most;
            }

            var held = now - slot.Taken;
            if (lowered && held < MinSlotTime)
            {
                GiveBackLater(MinSlotTime - held);
            }
            else
            {
                GiveBack();
            }
        }

        private void GiveBackLater(TimeSpan after)
        {
            // The callback holds the timer, so the timer lives until it has fired.
            ITimer? timer = null;
            timer = _clock.CreateTimer(
                _ =>
                {
                    GiveBack();
                    timer?.Dispose();
                },
                null,
                after,
                Timeout.InfiniteTimeSpan);
        }

        private void GiveBack()
        {
            lock (_sync)
            {
                _inFlight--;
                while (_inFlight < Allowed && _waiting.Count > 0)
                {
                    // A waiter cancelled meanwhile refuses the turn and the next one takes it.
                    if (_waiting.Dequeue().TrySetResult(true))
                    {
                        _inFlight++;
                    }
                }
            }
        }

        private async Task<Slot> WaitForTurnAsync(TaskCompletionSource<bool> turn, CancellationToken cancellationToken)
        {
            using (cancellationToken.Register(() => turn.TrySetCanceled(cancellationToken)))
            {
                await turn.Task.ConfigureAwait(false);
            }

            return new Slot(_clock.GetUtcNow());
        }

        /// <summary>One request's place in flight, from when it was taken.</summary>
        public readonly struct Slot
        {
            public Slot(DateTimeOffset taken)
            {
                Taken = taken;
            }

            public DateTimeOffset Taken { get; }
        }
    }
}
