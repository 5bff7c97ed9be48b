namespace PlatformFlow.Client.Operations
{
    /// <summary>A progress update (Write-Progress) in plain terms.</summary>
    public sealed class OperationProgress
    {
        public OperationProgress(int activityId, string activity, string status, int percentComplete = -1, bool completed = false, int secondsRemaining = -1)
        {
            ActivityId = activityId;
            Activity = activity;
            Status = status;
            PercentComplete = percentComplete;
            Completed = completed;
            SecondsRemaining = secondsRemaining;
        }

        public int ActivityId { get; }

        public string Activity { get; }

        public string Status { get; }

        /// <summary>0..100, or -1 when unknown.</summary>
        public int PercentComplete { get; }

        public int SecondsRemaining { get; }

        public bool Completed { get; }
    }
}
