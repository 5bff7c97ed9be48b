namespace PlatformFlow.Client.Models
{
    public sealed class PageLinks : PlatformModel
    {
        public PageLink? Next { get; init; }
    }
}
