namespace PlatformFlow.Emulator.Engine
{
    /// <summary>When a scripted fault answers: before the request is handled, or after (the change is then applied).</summary>
    public enum FaultTiming
    {
        BeforeHandling,
        AfterHandling,
    }
}
