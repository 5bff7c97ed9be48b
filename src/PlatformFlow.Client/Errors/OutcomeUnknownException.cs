using System;
using System.Net.Http;

namespace PlatformFlow.Client.Errors
{
    /// <summary>
    /// A POST or PATCH whose request may have reached the platform but whose answer never came (connection lost after
    /// sending, no answer in time). It may have been applied, so it is not re-sent: the caller finds out, e.g. by looking
    /// the resource up by its key (see <see cref="RequestOutcome.MayHaveBeenApplied"/>).
    /// </summary>
    public sealed class OutcomeUnknownException : HttpRequestException
    {
        public OutcomeUnknownException(string method, string path, Exception failure)
            : base(method + " " + path + " got no answer (" + failure.Message + "); the platform may have applied it, so it was not sent again.", failure)
        {
            Method = method;
            Path = path;
        }

        public string Method { get; }

        /// <summary>The path called, without host or query.</summary>
        public string Path { get; }
    }

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
