using System.Text.Json.Serialization;

namespace PlatformFlow.Client.Models
{
    /// <summary>A Flow Service list page: <c>{items, _links{next{href}}}</c>.</summary>
    public sealed class ListPage<T> : PlatformModel
    {
        public List<T> Items { get; init; } = new List<T>();

        [JsonPropertyName("_links")]
        public PageLinks? Links { get; init; }
    }
}
