using System.Text.Json.Serialization;

namespace PlatformFlow.Client.Models
{
    public sealed class SandboxPageInfo : PlatformModel
    {
        [JsonPropertyName("limit")]
        public int Limit { get; init; }

        /// <summary>How many sandboxes this page holds.</summary>
        [JsonPropertyName("count")]
        public int Count { get; init; }
    }
}
