using System;
using System.Threading;

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

    /// <summary>
    /// Where HTTP records go for the current logical call. The connection is shared by every runspace, so the listener is
    /// ambient (AsyncLocal): each cmdlet sees only its own calls.
    /// </summary>
    public static class HttpCallTrace
    {
        private static readonly AsyncLocal<Action<HttpCallRecord>?> Current = new AsyncLocal<Action<HttpCallRecord>?>();

        public static IDisposable Listen(Action<HttpCallRecord> listener)
        {
            var previous = Current.Value;
            Current.Value = listener;
            return new Restore(previous);
        }

        /// <summary>Whether anyone listens here, so calls nobody watches build no records.</summary>
        internal static bool IsListening => Current.Value != null;

        internal static void Publish(HttpCallRecord record) => Current.Value?.Invoke(record);

        private sealed class Restore : IDisposable
        {
            private readonly Action<HttpCallRecord>? _previous;

            public Restore(Action<HttpCallRecord>? previous)
            {
                _previous = previous;
            }

            public void Dispose() => Current.Value = _previous;
        }
    }
}
