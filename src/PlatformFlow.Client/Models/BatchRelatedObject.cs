using System.Text.Json.Serialization;

namespace PlatformFlow.Client.Models
{
    /// <summary>A batch's <c>relatedObjects</c> entry: <c>{type:"dataSet", id}</c>.</summary>
    public sealed class BatchRelatedObject : PlatformModel
    {
        [JsonPropertyName("type")]
        public string? Type { get; init; }

        [JsonPropertyName("id")]
        public string? Id { get; init; }
    }
}
