using System.Text.Json.Serialization;

namespace PlatformFlow.Client.Models
{
    public sealed class PageLinks : PlatformModel
    {
        [JsonPropertyName("next")]
        public PageLink? Next { get; init; }
    }
}
