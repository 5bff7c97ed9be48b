using System.Threading;

namespace PlatformFlow.Client.Sessions
{
    /// <summary>
    /// The current context, process-wide: PowerShell loads this assembly once per process, so every runspace (including
    /// <c>ForEach-Object -Parallel</c>) sees the same current context and shares its connection.
    /// </summary>
    public static class PlatformContexts
    {
        private static PlatformContext? _current;

        public static PlatformContext? Current => Volatile.Read(ref _current);

        /// <summary>Makes <paramref name="context"/> current and returns the one it replaced (still usable through <c>-Context</c>).</summary>
        public static PlatformContext? SetCurrent(PlatformContext context) => Interlocked.Exchange(ref _current, context);

        /// <summary>Clears the current context if it is <paramref name="context"/>; true when it was.</summary>
        public static bool ClearIfCurrent(PlatformContext context) => Interlocked.CompareExchange(ref _current, null, context) == context;
    }
}
