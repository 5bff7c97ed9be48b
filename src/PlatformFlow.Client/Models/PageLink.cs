using System.Text.Json.Serialization;

namespace PlatformFlow.Client.Models
{
    public sealed class PageLink : PlatformModel
    {
        [JsonPropertyName("href")]
        public string? Href { get; init; }
    }
}
