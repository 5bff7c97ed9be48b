namespace PlatformFlow.Client.Models
{
    /// <summary>Run statuses the platform prints (contract: "Run statuses"); anything else is <see cref="Unknown"/>.</summary>
    public enum RunStatus
    {
        Unknown,
        Scheduled,
        Queued,
        InProgress,
        Completed,
        Success,
        PartialSuccess,
        Failed,
        PartialFailure,
        Cancelled,
    }
}
