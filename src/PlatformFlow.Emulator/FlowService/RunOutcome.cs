using System;
using System.Collections.Generic;
using System.Linq;

namespace PlatformFlow.Emulator.FlowService
{
    /// <summary>One error a run reports in <c>metrics.statusSummary.errors</c>, e.g. <c>CONNECTOR-2001-500</c>.</summary>
    public sealed class RunError
    {
        public RunError(string code, string message, int? recordCount = null)
        {
            Code = code;
            Message = message;
            RecordCount = recordCount;
        }

        public string Code { get; }

        public string Message { get; }

        /// <summary>How many records the error concerns, when it is about records (the platform's mapper errors say so).</summary>
        public int? RecordCount { get; }
    }

    /// <summary>
    /// How a run ends, planned ahead by tests and rehearsals through <see cref="RunScheduler.PlanOutcome"/>; runs without a
    /// plan succeed.
    /// </summary>
    public sealed class RunOutcome
    {
        private RunOutcome(string status, double failedShare, IReadOnlyList<RunError> errors)
        {
            Status = status;
            FailedShare = failedShare;
            Errors = errors;
        }

        public static RunOutcome Success { get; } = new RunOutcome(RunStatus.Success, 0, Array.Empty<RunError>());

        /// <summary>The run's final <c>metrics.statusSummary.status</c>.</summary>
        public string Status { get; }

        /// <summary>The share of input records that fail (0..1).</summary>
        public double FailedShare { get; }

        public IReadOnlyList<RunError> Errors { get; }

        /// <summary>Every record fails; with no errors given, the run reports a generic connector error.</summary>
        public static RunOutcome Failed(params RunError[] errors) =>
            new RunOutcome(RunStatus.Failed, 1, errors.Length > 0 ? errors : new[] { new RunError("CONNECTOR-2001-500", "Error occurred at promotion activity.") });

        /// <summary>Some records fail: <paramref name="failedShare"/> of them (more than 0, less than 1).</summary>
        public static RunOutcome PartialSuccess(double failedShare, params RunError[] errors)
        {
            if (failedShare <= 0 || failedShare >= 1)
            {
                throw new ArgumentOutOfRangeException(nameof(failedShare), failedShare, "A partial success fails more than none and less than all records.");
            }

            return new RunOutcome(RunStatus.PartialSuccess, failedShare, errors.ToArray());
        }
    }

    /// <summary>The run statuses the emulator reports (the platform's own names; compare them without regard to case).</summary>
    public static class RunStatus
    {
        public const string Queued = "QUEUED";
        public const string InProgress = "IN_PROGRESS";
        public const string Success = "SUCCESS";
        public const string PartialSuccess = "PARTIAL_SUCCESS";
        public const string Failed = "FAILED";
    }
}
