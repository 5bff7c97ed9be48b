namespace PlatformFlow.Emulator.FlowService
{
    /// <summary>The run statuses the emulator reports (the platform's own names; compare them without regard to case).</summary>
    public static class RunStatus
    {
        public const string Queued = "QUEUED";
        public const string InProgress = "IN_PROGRESS";
        public const string Success = "SUCCESS";
        public const string PartialSuccess = "PARTIAL_SUCCESS";
        public const string Failed = "FAILED";
    }
}
