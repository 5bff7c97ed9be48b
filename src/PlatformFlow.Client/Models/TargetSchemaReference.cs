using System.Text.Json.Serialization;

namespace PlatformFlow.Client.Models
{
    /// <summary><c>data.schema</c>: the target XDM schema's <c>$id</c> and the content type version.</summary>
    public sealed class TargetSchemaReference : PlatformModel
    {
        [JsonPropertyName("id")]
        public string Id { get; init; } = string.Empty;

        [JsonPropertyName("version")]
        public string? Version { get; init; }

        public override string ToString() => Id;
    }
}
