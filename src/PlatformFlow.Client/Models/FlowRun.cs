using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace PlatformFlow.Client.Models
{
    /// <summary>A flow run (<c>/runs</c>) with its metrics, as the monitoring guide shows them.</summary>
    public sealed class FlowRun : FlowServiceResource
    {
        [JsonPropertyName("flowId")]
        public string FlowId { get; init; } = string.Empty;

        [JsonPropertyName("flowSpec")]
        public SpecReference? FlowSpec { get; init; }

        [JsonPropertyName("providerRefId")]
        public string? ProviderRefId { get; init; }

        /// <summary>What the run was asked to read: <c>windowStartTime</c>, <c>windowEndTime</c> (epoch seconds), <c>deltaColumn</c>.</summary>
        [JsonPropertyName("params")]
        public JsonObject? Params { get; init; }

        [JsonPropertyName("metrics")]
        public RunMetrics? Metrics { get; init; }

        [JsonPropertyName("activities")]
        public List<JsonObject>? Activities { get; init; }

        /// <summary>The run's status from <c>metrics.statusSummary.status</c>, compared without regard to case.</summary>
        [JsonIgnore]
        public RunStatus Status => RunStatusNames.Parse(Metrics?.StatusSummary?.Status);
    }

    public sealed class RunMetrics : PlatformModel
    {
        [JsonPropertyName("durationSummary")]
        public DurationSummary? DurationSummary { get; init; }

        [JsonPropertyName("sizeSummary")]
        public JsonObject? SizeSummary { get; init; }

        [JsonPropertyName("recordSummary")]
        public RecordSummary? RecordSummary { get; init; }

        [JsonPropertyName("fileSummary")]
        public JsonObject? FileSummary { get; init; }

        [JsonPropertyName("statusSummary")]
        public StatusSummary? StatusSummary { get; init; }
    }

    public sealed class DurationSummary : PlatformModel
    {
        /// <summary>Epoch milliseconds.</summary>
        [JsonPropertyName("startedAtUTC")]
        public long? StartedAtUtc { get; init; }

        /// <summary>Epoch milliseconds.</summary>
        [JsonPropertyName("completedAtUTC")]
        public long? CompletedAtUtc { get; init; }
    }

    public sealed class RecordSummary : PlatformModel
    {
        [JsonPropertyName("inputRecordCount")]
        public long? InputRecordCount { get; init; }

        [JsonPropertyName("outputRecordCount")]
        public long? OutputRecordCount { get; init; }

        [JsonPropertyName("failedRecordCount")]
        public long? FailedRecordCount { get; init; }
    }

    public sealed class StatusSummary : PlatformModel
    {
        [JsonPropertyName("status")]
        public string? Status { get; init; }

        [JsonPropertyName("errors")]
        public List<RunError>? Errors { get; init; }
    }

    public sealed class RunError : PlatformModel
    {
        [JsonPropertyName("code")]
        public string? Code { get; init; }

        [JsonPropertyName("message")]
        public string? Message { get; init; }

        public override string ToString() => string.IsNullOrEmpty(Code) ? Message ?? string.Empty : Code + ": " + Message;
    }

    /// <summary>Run statuses the platform prints (contract: "Run statuses"); anything else is <see cref="Unknown"/>.</summary>
    public enum RunStatus
    {
        Unknown,
        Scheduled,
        Queued,
        InProgress,
        Completed,
        Success,
        PartialSuccess,
        Failed,
        PartialFailure,
        Cancelled,
    }

    public static class RunStatusNames
    {
        /// <summary>Case- and underscore-insensitive: <c>IN_PROGRESS</c>, <c>inProgress</c>, <c>Failed</c>, <c>success</c>.</summary>
        public static RunStatus Parse(string? status)
        {
            if (string.IsNullOrEmpty(status))
            {
                return RunStatus.Unknown;
            }

            var compact = status!.Replace("_", string.Empty).Replace("-", string.Empty);
            return Enum.TryParse<RunStatus>(compact, ignoreCase: true, out var parsed) && Enum.IsDefined(typeof(RunStatus), parsed)
                ? parsed
                : RunStatus.Unknown;
        }

        public static bool IsFinal(this RunStatus status) =>
            status == RunStatus.Completed || status == RunStatus.Success || status == RunStatus.PartialSuccess
            || status == RunStatus.Failed || status == RunStatus.PartialFailure || status == RunStatus.Cancelled;

        public static bool IsFailure(this RunStatus status) =>
            status == RunStatus.Failed || status == RunStatus.PartialFailure || status == RunStatus.Cancelled;
    }

    /// <summary>The body of <c>POST /runs</c>: an on-demand run over a window.</summary>
    public sealed class FlowRunRequest
    {
        [JsonPropertyName("flowId")]
        public string FlowId { get; init; } = string.Empty;

        [JsonPropertyName("params")]
        public JsonObject Params { get; init; } = new JsonObject();
    }
}
