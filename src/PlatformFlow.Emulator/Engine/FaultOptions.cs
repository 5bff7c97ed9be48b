using System;

namespace PlatformFlow.Emulator.Engine
{
    /// <summary>Transient failures the emulator adds on purpose, for retry tests and onboarding rehearsals.</summary>
    public sealed class FaultOptions
    {
        /// <summary>Share of platform requests (0..1) answered 429 with <c>Retry-After</c>, before they are handled.</summary>
        public double ThrottleRate { get; set; }

        /// <summary>Share of platform requests (0..1) answered 503, before they are handled.</summary>
        public double UnavailableRate { get; set; }

        /// <summary>
        /// Share of platform requests (0..1) whose connection is dropped before they are handled: nothing is applied and
        /// no answer comes (the in-process handler throws an <c>HttpRequestException</c>; the standalone host aborts the
        /// connection).
        /// </summary>
        public double ResetBeforeRate { get; set; }

        /// <summary>
        /// Share of platform requests (0..1) whose connection is dropped after they were handled: the change is applied but
        /// the client gets no answer, as when a connection breaks while the platform answers.
        /// </summary>
        public double ResetAfterRate { get; set; }

        /// <summary>The <c>Retry-After</c> value (seconds) sent with injected 429s.</summary>
        public int RetryAfterSeconds { get; set; } = 1;

        /// <summary>
        /// Platform requests admitted per second (0: no limit); the rest of each one-second window is answered 429 with
        /// <c>Retry-After</c> (see <see cref="RateLimit"/>). A rehearsal of a throttling gateway, unlike the random
        /// <see cref="ThrottleRate"/>.
        /// </summary>
        public int AllowedRate { get; set; }

        /// <summary>Added to every request before it is handled.</summary>
        public TimeSpan Latency { get; set; } = TimeSpan.Zero;

        /// <summary>Seed for the random draw, so a rehearsal can be repeated exactly.</summary>
        public int? Seed { get; set; }

        /// <summary>The shares of all injected faults together (at most 1).</summary>
        public double TotalRate => ThrottleRate + UnavailableRate + ResetBeforeRate + ResetAfterRate;

        public FaultOptions Clone() => (FaultOptions)MemberwiseClone();
    }
}
