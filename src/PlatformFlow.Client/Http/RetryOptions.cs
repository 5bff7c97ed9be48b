using System;

namespace PlatformFlow.Client.Http
{
    /// <summary>How the retry handler treats transient failures (429, 502, 503, 504, connection failures).</summary>
    public sealed class RetryOptions
    {
        /// <summary>Retries after the first attempt.</summary>
        public int MaxRetries { get; set; } = 5;

        /// <summary>First backoff delay; doubled each retry, with jitter.</summary>
        public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

        /// <summary>No single wait is longer, whatever <c>Retry-After</c> asks.</summary>
        public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(60);

        /// <summary>No retry starts once this much time has passed since the first attempt.</summary>
        public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(3);

        /// <summary>One attempt gets no longer than this to answer.</summary>
        public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(100);

        public static RetryOptions None => new RetryOptions { MaxRetries = 0 };
    }
}
