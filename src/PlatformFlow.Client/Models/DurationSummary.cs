using System.Text.Json.Serialization;
using PlatformFlow.Client.Json;

namespace PlatformFlow.Client.Models
{
    public sealed class DurationSummary : PlatformModel
    {
        /// <summary>UTC; the platform sends epoch milliseconds.</summary>
        [JsonPropertyName("startedAtUTC")]
        [JsonConverter(typeof(EpochMillisecondsConverter))]
        public DateTimeOffset? StartedAtUtc { get; init; }

        /// <summary>UTC; the platform sends epoch milliseconds.</summary>
        [JsonPropertyName("completedAtUTC")]
        [JsonConverter(typeof(EpochMillisecondsConverter))]
        public DateTimeOffset? CompletedAtUtc { get; init; }

        public override string ToString() => StartedAtUtc is null ? string.Empty : StartedAtUtc.Value.ToLocalTime() + " - " + CompletedAtUtc?.ToLocalTime();
    }
}
