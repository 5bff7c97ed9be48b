namespace PlatformFlow.Client.Models
{
    /// <summary>The answer to a list with <c>count=true</c>.</summary>
    public sealed class CountResult : PlatformModel
    {
        public long Count { get; init; }
    }
}
