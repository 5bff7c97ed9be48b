namespace PlatformFlow.Client.Operations
{
    /// <summary>
    /// Categories with the same names as PowerShell's <c>ErrorCategory</c>, so the cmdlet host maps them by name.
    /// </summary>
    public enum OperationErrorCategory
    {
        NotSpecified,
        InvalidArgument,
        InvalidData,
        InvalidOperation,
        ObjectNotFound,
        ResourceExists,
        ResourceUnavailable,
        PermissionDenied,
        AuthenticationError,
        ConnectionError,
        LimitsExceeded,
        OperationStopped,
        OperationTimeout,
    }
}
