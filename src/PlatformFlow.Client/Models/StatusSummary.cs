using System.Text.Json.Serialization;

namespace PlatformFlow.Client.Models
{
    public sealed class StatusSummary : PlatformModel
    {
        [JsonPropertyName("status")]
        public string? Status { get; init; }

        [JsonPropertyName("errors")]
        public ValueList<RunError>? Errors { get; init; }

        public override string ToString() => Status ?? string.Empty;
    }
}
