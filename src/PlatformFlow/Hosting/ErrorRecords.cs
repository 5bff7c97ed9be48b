using System;

namespace PlatformFlow.Hosting
{
    /// <summary>Turns an <see cref="OperationError"/> into the ErrorRecord PowerShell users expect.</summary>
    internal static class ErrorRecords
    {
        public static ErrorRecord From(OperationError error)
        {
            var category = Enum.TryParse<ErrorCategory>(error.Category.ToString(), out var parsed) ? parsed : ErrorCategory.NotSpecified;
            return new ErrorRecord(error.Exception, error.ErrorId, category, error.Target)
            {
                ErrorDetails = new ErrorDetails(error.Message) { RecommendedAction = error.RecommendedAction ?? string.Empty },
            };
        }
    }
}
