namespace PlatformFlow.Client.Models
{
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

        /// <summary>The platform's own spelling, for its filters: <c>InProgress</c> → <c>IN_PROGRESS</c>.</summary>
        public static string PlatformName(this RunStatus status) =>
            string.Concat(status.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToUpperInvariant();

        public static bool IsFinal(this RunStatus status) =>
            status == RunStatus.Completed || status == RunStatus.Success || status == RunStatus.PartialSuccess
            || status == RunStatus.Failed || status == RunStatus.PartialFailure || status == RunStatus.Cancelled;

        public static bool IsFailure(this RunStatus status) =>
            status == RunStatus.Failed || status == RunStatus.PartialFailure || status == RunStatus.Cancelled;
    }
}
