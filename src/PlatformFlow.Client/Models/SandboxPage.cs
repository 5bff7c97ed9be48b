using System.Text.Json.Serialization;

namespace PlatformFlow.Client.Models
{
    /// <summary>One page of the Sandbox API's list: <c>{sandboxes: [...], _page: {limit, count}}</c>, paged by <c>offset</c>.</summary>
    public sealed class SandboxPage : PlatformModel
    {
        public List<Sandbox> Sandboxes { get; init; } = new List<Sandbox>();

        [JsonPropertyName("_page")]
        public SandboxPageInfo? Page { get; init; }
    }
}
