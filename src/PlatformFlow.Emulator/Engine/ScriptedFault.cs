namespace PlatformFlow.Emulator.Engine
{
    /// <summary>When a scripted fault answers: before the request is handled, or after (the change is then applied).</summary>
    public enum FaultTiming
    {
        BeforeHandling,
        AfterHandling,
    }

    /// <summary>One queued fault: the next matching request gets <see cref="Status"/> instead of its real answer.</summary>
    public sealed class ScriptedFault
    {
        public ScriptedFault(int status, int? retryAfterSeconds = null, FaultTiming timing = FaultTiming.BeforeHandling, string? method = null)
        {
            Status = status;
            RetryAfterSeconds = retryAfterSeconds;
            Timing = timing;
            Method = method;
        }

        public int Status { get; }

        public int? RetryAfterSeconds { get; }

        public FaultTiming Timing { get; }

        /// <summary>Only requests with this method take the fault; null for any.</summary>
        public string? Method { get; }
    }
}
