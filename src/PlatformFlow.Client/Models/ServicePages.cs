using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace PlatformFlow.Client.Models
{
    /// <summary>A Schema Registry list: <c>{results, _page, _links{next{href}}}</c>.</summary>
    public sealed class RegistryPage<T> : PlatformModel
    {
        [JsonPropertyName("results")]
        public List<T> Results { get; init; } = new List<T>();

        [JsonPropertyName("_links")]
        public PageLinks? Links { get; init; }
    }

    /// <summary>A Data Prep list: <c>{data, _page, _links}</c>.</summary>
    public sealed class DataPrepPage<T> : PlatformModel
    {
        [JsonPropertyName("data")]
        public List<T> Data { get; init; } = new List<T>();

        [JsonPropertyName("_links")]
        public PageLinks? Links { get; init; }
    }
}
