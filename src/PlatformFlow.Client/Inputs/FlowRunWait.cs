namespace PlatformFlow.Client.Inputs
{
    public sealed class FlowRunWait
    {
        public string RunId { get; set; } = string.Empty;

        public TimeSpan Timeout { get; set; } = TimeSpan.FromHours(1);

        public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

        public object? Target { get; set; }
    }
}
