using System.Globalization;

namespace PlatformFlow.Client.Errors
{
    /// <summary>
    /// A call the platform kept refusing for a passing reason (429, 502, 503, 504, no connection) until retrying no
    /// longer fitted the context's retry policy: the next wait would end past the time budget, or the platform asked
    /// (<c>Retry-After</c>) for a longer wait than the policy honours. The last failure is the inner exception. A POST or
    /// PATCH is only ever retried after failures the platform cannot have applied, so none of its attempts was applied
    /// (see <see cref="RequestOutcome.MayHaveBeenApplied"/>).
    /// </summary>
    public sealed class RetriesExhaustedException(
        string method, string path, int attempts, TimeSpan elapsed, TimeSpan budget, TimeSpan? refusedRetryAfter, TimeSpan maxRetryAfter, Exception lastFailure)
        : Exception(Compose(method, path, attempts, elapsed, budget, refusedRetryAfter, maxRetryAfter, lastFailure), lastFailure)
    {
        public string Method { get; } = method;

        /// <summary>The path called, without host or query.</summary>
        public string Path { get; } = path;

        public int Attempts { get; } = attempts;

        /// <summary>From the first attempt to giving up.</summary>
        public TimeSpan Elapsed { get; } = elapsed;

        /// <summary>The context's retry budget (<c>Connect-Platform -RetryBudgetSeconds</c>).</summary>
        public TimeSpan Budget { get; } = budget;

        /// <summary>The <c>Retry-After</c> the platform asked for when it was longer than the policy honours; null when the budget ran out.</summary>
        public TimeSpan? RefusedRetryAfter { get; } = refusedRetryAfter;

        /// <summary>The last answer's error, when the platform answered (null after a connection failure).</summary>
        public PlatformException? LastAnswer => InnerException as PlatformException;

        private static string Compose(string method, string path, int attempts, TimeSpan elapsed, TimeSpan budget, TimeSpan? refusedRetryAfter, TimeSpan maxRetryAfter, Exception lastFailure)
        {
            var why = refusedRetryAfter is TimeSpan asked
                ? "the platform asked to wait " + Seconds(asked) + " (Retry-After), longer than the " + Seconds(maxRetryAfter) + " this context waits at most (" + CmdletTerms.MaxRetryAfter + ")"
                : "the retry budget of " + Seconds(budget) + " is spent (" + CmdletTerms.RetryBudget + ")";
            return method + " " + path + " gave up after " + attempts + (attempts == 1 ? " attempt" : " attempts") + " in " + Seconds(elapsed) + ": " + why
                + ". Last failure: " + lastFailure.Message;
        }

        private static string Seconds(TimeSpan time) => Math.Round(time.TotalSeconds, 1).ToString(CultureInfo.InvariantCulture) + " s";
    }
}
