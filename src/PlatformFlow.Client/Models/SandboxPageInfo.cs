namespace PlatformFlow.Client.Models
{
    public sealed class SandboxPageInfo : PlatformModel
    {
        public int Limit { get; init; }

        /// <summary>How many sandboxes this page holds.</summary>
        public int Count { get; init; }
    }
}
