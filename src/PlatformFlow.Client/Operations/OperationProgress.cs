namespace PlatformFlow.Client.Operations
{
    /// <summary>A progress update (Write-Progress) in plain terms.</summary>
    /// <param name="PercentComplete">0..100, or -1 when unknown.</param>
    public sealed record OperationProgress(int ActivityId, string Activity, string Status, int PercentComplete = -1, bool Completed = false, int SecondsRemaining = -1);
}
