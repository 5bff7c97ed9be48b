using System;

namespace PlatformFlow.Client.Http
{
    /// <summary>
    /// How the retry handler treats transient failures (429, 502, 503, 504, connection failures): it retries until the
    /// time budget is spent, not a fixed number of times, so long work outlasts a busy platform.
    /// </summary>
    public sealed class RetryOptions
    {
        /// <summary>The default <see cref="MaxRetryAfter"/>: 5 minutes.</summary>
        public static readonly TimeSpan DefaultMaxRetryAfter = TimeSpan.FromMinutes(5);

        /// <summary>The default <see cref="Budget"/>: 10 minutes.</summary>
        public static readonly TimeSpan DefaultBudget = TimeSpan.FromMinutes(10);

        /// <summary>
        /// The least jitter a <c>Retry-After</c> wait can get: half a second, so callers told to wait a short time still come
        /// back spread over five 100 ms slots.
        /// </summary>
        public static readonly TimeSpan MinRetryAfterJitter = TimeSpan.FromMilliseconds(500);

        /// <summary>
        /// First backoff wait when the platform gives no <c>Retry-After</c>, doubled each retry up to
        /// <see cref="MaxDelay"/>.
        /// </summary>
        public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

        /// <summary>The longest backoff wait when the platform gives no <c>Retry-After</c>.</summary>
        public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>
        /// The longest <c>Retry-After</c> honoured. A longer one is not shortened (an early retry would only be refused
        /// again): the call fails at once with <see cref="Errors.RetriesExhaustedException"/>.
        /// </summary>
        public TimeSpan MaxRetryAfter { get; set; } = DefaultMaxRetryAfter;

        /// <summary>
        /// The total time one call may take, retries and waits included: no wait starts that would end past it, and the
        /// call then fails with <see cref="Errors.RetriesExhaustedException"/>. Zero: no retries.
        /// </summary>
        public TimeSpan Budget { get; set; } = DefaultBudget;

        /// <summary>One attempt gets no longer than this to answer.</summary>
        public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(100);

        /// <summary>
        /// The most jitter added to a <c>Retry-After</c> of <paramref name="asked"/>: a tenth of it, or
        /// <see cref="MinRetryAfterJitter"/> for waits under 5 s. A wait is never shorter than the server asked, and never
        /// longer than that by more: a 300 s <c>Retry-After</c> is waited 300 to 330 s.
        /// </summary>
        public static TimeSpan RetryAfterJitter(TimeSpan asked) => TimeSpan.FromTicks(Math.Max(asked.Ticks / 10, MinRetryAfterJitter.Ticks));

        public static RetryOptions None => new RetryOptions { Budget = TimeSpan.Zero };
    }
}
