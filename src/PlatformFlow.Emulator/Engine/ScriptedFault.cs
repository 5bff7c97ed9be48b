namespace PlatformFlow.Emulator.Engine
{
    /// <summary>
    /// One queued fault: the next matching request gets <see cref="Status"/> instead of its real answer, or, for a
    /// <see cref="ConnectionReset"/>, no answer at all (before or after it is applied, as <see cref="Timing"/> says).
    /// </summary>
    public sealed class ScriptedFault(int status, int? retryAfterSeconds = null, FaultTiming timing = FaultTiming.BeforeHandling, string? method = null)
    {
        /// <summary>The connection of the next matching request is dropped, before or after the request is applied.</summary>
        public static ScriptedFault ConnectionReset(FaultTiming timing, string? method = null) => new ScriptedFault(0, null, timing, method);

        /// <summary>The answer's status; 0 for a dropped connection.</summary>
        public int Status { get; } = status;

        public bool IsConnectionReset => Status == 0;

        public int? RetryAfterSeconds { get; } = retryAfterSeconds;

        public FaultTiming Timing { get; } = timing;

        /// <summary>Only requests with this method take the fault; null for any.</summary>
        public string? Method { get; } = method;
    }
}
