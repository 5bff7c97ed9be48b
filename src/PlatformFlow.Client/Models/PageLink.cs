namespace PlatformFlow.Client.Models
{
    public sealed class PageLink : PlatformModel
    {
        public string? Href { get; init; }
    }
}
