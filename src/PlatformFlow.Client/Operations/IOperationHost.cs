namespace PlatformFlow.Client.Operations
{
    /// <summary>
    /// What an operation may do with its caller: the seam between a cmdlet and its logic. The cmdlet's host turns these into
    /// WriteObject/WriteError/ShouldProcess/...; tests record them. No PowerShell types cross it.
    /// </summary>
    public interface IOperationHost
    {
        /// <summary>Cancelled on Ctrl+C (StopProcessing): in-flight requests are cancelled with it.</summary>
        CancellationToken Cancellation { get; }

        /// <summary>
        /// Asks before a change. <see cref="ChangeDecision.WhatIf"/> means: plan it, send nothing. Awaited, so the
        /// operation's thread is not held while the caller (e.g. a -Confirm prompt) answers.
        /// </summary>
        Task<ChangeDecision> ShouldProcessAsync(string target, string action);

        /// <summary>Emits an object; <paramref name="pipelineProperties"/> become extra (note) properties on it.</summary>
        void WriteObject(object value, IReadOnlyList<KeyValuePair<string, object?>>? pipelineProperties = null);

        /// <summary>
        /// Completes once everything written so far has been taken by the caller: a long listing awaits it now and then,
        /// so a slow consumer holds back the next page instead of letting objects pile up in memory.
        /// </summary>
        Task WhenWrittenAsync();

        void WriteVerbose(string message);

        void WriteWarning(string message);

        void WriteProgress(OperationProgress progress);

        /// <summary>A non-terminating failure for one input; the caller goes on with the next.</summary>
        void WriteError(OperationError error);
    }
}
