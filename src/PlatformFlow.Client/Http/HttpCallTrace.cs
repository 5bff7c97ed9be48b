using System;
using System.Threading;

namespace PlatformFlow.Client.Http
{
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
