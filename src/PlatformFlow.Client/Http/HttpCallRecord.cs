using System;

namespace PlatformFlow.Client.Http
{
    /// <summary>One HTTP exchange as shown to a user (<c>-Verbose</c>): never a header value or a body.</summary>
    public sealed class HttpCallRecord
    {
        public HttpCallRecord(string method, string pathAndQuery, int? status, TimeSpan elapsed, string? requestId, string? failure)
        {
            Method = method;
            PathAndQuery = pathAndQuery;
            Status = status;
            Elapsed = elapsed;
            RequestId = requestId;
            Failure = failure;
        }

        public string Method { get; }

        public string PathAndQuery { get; }

        /// <summary>Null when no answer came (connection failure, cancellation).</summary>
        public int? Status { get; }

        public TimeSpan Elapsed { get; }

        public string? RequestId { get; }

        public string? Failure { get; }

        public override string ToString() =>
            Method + " " + PathAndQuery + " -> "
            + (Status is int status ? status.ToString(System.Globalization.CultureInfo.InvariantCulture) : "no answer (" + Failure + ")")
            + " in " + (long)Elapsed.TotalMilliseconds + " ms"
            + (RequestId is null ? string.Empty : " [request id " + RequestId + "]");
    }
}
