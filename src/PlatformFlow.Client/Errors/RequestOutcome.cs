namespace PlatformFlow.Client.Errors
{
    /// <summary>What a failed write leaves behind, as far as the client can tell.</summary>
    public static class RequestOutcome
    {
        /// <summary>
        /// True when a failed POST, PATCH, PUT or DELETE may still have been applied: the platform answered 5xx (it may
        /// have failed after the change), the answer was lost (<see cref="OutcomeUnknownException"/>), or a PUT or DELETE
        /// ran out of retries (those are re-sent after 5xx, harmlessly, so an earlier attempt may have been applied). The
        /// client does not re-send a POST or PATCH after such a failure; callers that can look the result up (by name, by
        /// etag) should, before sending it again. False for refusals (4xx), 429s, cancellations, and a POST or PATCH that
        /// ran out of retries (<see cref="RetriesExhaustedException"/>: they are only retried after attempts the platform
        /// cannot have applied).
        /// </summary>
        public static bool MayHaveBeenApplied(Exception exception) =>
            exception switch
            {
                OutcomeUnknownException => true,
                PlatformException platform => platform.MayHaveBeenApplied,
                RetriesExhaustedException exhausted => exhausted.Method == "PUT" || exhausted.Method == "DELETE",
                _ => false,
            };
    }
}
