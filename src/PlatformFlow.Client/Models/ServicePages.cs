using System.Text.Json.Serialization;

namespace PlatformFlow.Client.Models
{
    /// <summary>A Data Prep list: <c>{data, _page, _links}</c>.</summary>
    public sealed class DataPrepPage<T> : PlatformModel
    {
        public List<T> Data { get; init; } = new List<T>();

        [JsonPropertyName("_links")]
        public PageLinks? Links { get; init; }
    }
}
