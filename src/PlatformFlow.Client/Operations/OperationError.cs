using System.Net.Http;
using PlatformFlow.Client.Errors;
using PlatformFlow.JsonSchema;

namespace PlatformFlow.Client.Operations
{
    /// <summary>A failure described for an ErrorRecord: id, category, the input it failed on, and what to do.</summary>
    public sealed class OperationError
    {
        public OperationError(Exception exception, string errorId, OperationErrorCategory category, object? target, string? recommendedAction = null, string? subject = null)
        {
            Subject = subject is null ? null : Excerpt.Of(subject, Excerpt.MaxSubjectLength);
            Exception = exception;
            ErrorId = errorId;
            Category = category;
            Target = target;
            RecommendedAction = recommendedAction;
        }

        public Exception Exception { get; }

        /// <summary>The platform's error code when there is one (<c>FLOW-1439-404</c>), else what kind of failure it was.</summary>
        public string ErrorId { get; }

        public OperationErrorCategory Category { get; }

        /// <summary>The input the failure is about (a CSV row, an id).</summary>
        public object? Target { get; }

        public string? RecommendedAction { get; }

        /// <summary>A short name of the input for the message, e.g. the flow name of a CSV row.</summary>
        public string? Subject { get; }

        /// <summary>The message to show: the subject, then what went wrong.</summary>
        public string Message => Subject is null ? Exception.Message : Subject + ": " + Exception.Message;

        /// <summary>The platform's request id, to quote to support.</summary>
        public string? RequestId => (Exception as PlatformException ?? (Exception as RetriesExhaustedException)?.LastAnswer)?.RequestId;

        /// <summary>Describes <paramref name="exception"/> with an id and category fit for an ErrorRecord.</summary>
        public static OperationError From(Exception exception, object? target, string context, string? subject = null)
        {
            var error = Classify(exception, target, context);
            return subject is null ? error : new OperationError(error.Exception, error.ErrorId, error.Category, error.Target, error.RecommendedAction, subject);
        }

        private static OperationError Classify(Exception exception, object? target, string context)
        {
            switch (exception)
            {
                case ResourceNotFoundException notFound:
                    return new OperationError(exception, notFound.Kind + "NotFound", OperationErrorCategory.ObjectNotFound, target, notFound.RecommendedAction);
                case AmbiguousNameException ambiguous:
                    return new OperationError(exception, ambiguous.Kind + "NameAmbiguous", OperationErrorCategory.InvalidArgument, target, ambiguous.RecommendedAction);
                case PlatformValidationException validation:
                    return new OperationError(exception, "PreflightRejected", OperationErrorCategory.InvalidArgument, target,
                        validation.RecommendedAction ?? "Correct the named fields; nothing was sent to the platform.");
                case PartConflictException:
                    return new OperationError(exception, "PartConflict", OperationErrorCategory.ResourceExists, target,
                        "Give the flow another name, or remove or change the existing part; nothing was created.");
                case PlatformException platform:
                    return new OperationError(exception, platform.ErrorCode ?? "Http" + platform.StatusCode, CategoryOf(platform.StatusCode), target, Advice(platform));
                case RetriesExhaustedException exhausted:
                    return new OperationError(exception, exhausted.RefusedRetryAfter is null ? "RetryBudgetSpent" : "RetryAfterTooLong",
                        exhausted.LastAnswer?.StatusCode == 429 ? OperationErrorCategory.LimitsExceeded : OperationErrorCategory.ResourceUnavailable, target,
                        (RequestOutcome.MayHaveBeenApplied(exhausted) ? string.Empty : "Nothing was applied. ")
                        + "Run it again later, or give the context more time: " + CmdletTerms.MoreRetryTime + ".");
                case OutcomeUnknownException:
                    return new OperationError(exception, "OutcomeUnknown", OperationErrorCategory.ConnectionError, target,
                        "The change may have been applied: look the resource up before running it again.");
                case OperationCanceledException:
                    return new OperationError(exception, "Cancelled", OperationErrorCategory.OperationStopped, target);
                case HttpRequestException:
                    return new OperationError(exception, "ConnectionFailed", OperationErrorCategory.ConnectionError, target,
                        "Check the network and the base URI of the context (" + CmdletTerms.ShowContext + ").");
                case ArgumentException:
                case FormatException:
                    return new OperationError(exception, context + "InvalidInput", OperationErrorCategory.InvalidArgument, target);
                default:
                    return new OperationError(exception, context + "Failed", OperationErrorCategory.NotSpecified, target);
            }
        }

        private static OperationErrorCategory CategoryOf(int status)
        {
            switch (status)
            {
                case 400:
                case 422:
                    return OperationErrorCategory.InvalidData;
                case 401:
                    return OperationErrorCategory.AuthenticationError;
                case 403:
                    return OperationErrorCategory.PermissionDenied;
                case 404:
                    return OperationErrorCategory.ObjectNotFound;
                case 409:
                    return OperationErrorCategory.ResourceExists;
                case 412:
                    return OperationErrorCategory.InvalidOperation;
                case 429:
                    return OperationErrorCategory.LimitsExceeded;
                case 504:
                    return OperationErrorCategory.OperationTimeout;
                default:
                    return status >= 500 ? OperationErrorCategory.ResourceUnavailable : OperationErrorCategory.NotSpecified;
            }
        }

        private static string? Advice(PlatformException platform)
        {
            if (platform.MayHaveBeenApplied)
            {
                return "The platform may have applied this change before failing (HTTP " + platform.StatusCode + "), so it was not sent again: look the resource up before running it again.";
            }

            switch (platform.StatusCode)
            {
                case 401:
                    return "Sign in again with " + CmdletTerms.SignIn + "; the token or credentials were refused.";
                case 412:
                    return "Someone else changed it since you read it: read it again, or use " + CmdletTerms.Force + " to refetch and retry once.";
                case 429:
                case 502:
                case 503:
                case 504:
                    return "The platform is busy; the call was retried and can be run again later.";
                default:
                    return platform.RequestId is null ? null : "Quote request id " + platform.RequestId + " to support if the message does not explain it.";
            }
        }
    }
}
