using System.Collections.Generic;
using System.Threading;

namespace PlatformFlow.Client.Sessions
{
    /// <summary>
    /// The current context and every context signed in, process-wide: PowerShell loads this assembly once per process, so
    /// every runspace (including <c>ForEach-Object -Parallel</c>) sees the same current context and shares its connection.
    /// </summary>
    public static class PlatformContexts
    {
        private static readonly object Gate = new object();
        private static readonly List<PlatformContext> Connected = new List<PlatformContext>();
        private static PlatformContext? _current;

        public static PlatformContext? Current => Volatile.Read(ref _current);

        /// <summary>The contexts signed in and not disconnected, oldest first (<c>Get-PlatformContext -ListAvailable</c>).</summary>
        public static IReadOnlyList<PlatformContext> SignedIn
        {
            get
            {
                lock (Gate)
                {
                    Connected.RemoveAll(c => c.IsDisconnected);
                    return Connected.ToArray();
                }
            }
        }

        /// <summary>
        /// Makes <paramref name="context"/> current (and one of the signed-in contexts) and returns the one it replaced, which
        /// stays usable through <c>-Context</c>.
        /// </summary>
        public static PlatformContext? SetCurrent(PlatformContext context)
        {
            lock (Gate)
            {
                if (!Connected.Contains(context))
                {
                    Connected.Add(context);
                }
            }

            return Interlocked.Exchange(ref _current, context);
        }

        /// <summary>
        /// Leaves no context current (a failed sign-in: a script that goes on must not write to the sandbox it was in
        /// before); the contexts signed in stay usable through <c>-Context</c>.
        /// </summary>
        public static void ClearCurrent() => Interlocked.Exchange(ref _current, null);

        /// <summary>Clears the current context if it is <paramref name="context"/>; true when it was.</summary>
        public static bool ClearIfCurrent(PlatformContext context) => Interlocked.CompareExchange(ref _current, null, context) == context;

        /// <summary>Forgets a context that signed out: it is no longer listed, nor current.</summary>
        public static void Remove(PlatformContext context)
        {
            lock (Gate)
            {
                Connected.Remove(context);
            }

            ClearIfCurrent(context);
        }
    }
}
