using System.Text.Json.Nodes;

namespace PlatformFlow.Client.Models
{
    /// <summary>
    /// One record a run could not ingest, from Data Access's row errors (<c>/batches/{id}/meta?path=row_errors/...</c>):
    /// the input record as the run read it, and why it failed (its first error; <see cref="Errors"/> has them all).
    /// </summary>
    public sealed class FailedRecord
    {
        /// <summary>
        /// The input record: a <see cref="JsonObject"/> as read (its text when it is not JSON); PowerShell gets it as an
        /// object with one property per column (the cmdlet host converts it), so it goes to Test-MappingSet -Sample as it is.
        /// </summary>
        public object? Record { get; set; }

        public string? Code { get; init; }

        public string? Message { get; init; }

        /// <summary>The field (XDM path) the error names.</summary>
        public string? Field { get; init; }

        /// <summary>Every error of the record, the first being <see cref="Code"/>, <see cref="Message"/> and <see cref="Field"/>.</summary>
        public ValueList<FailedRecordError> Errors { get; init; } = new ValueList<FailedRecordError>();

        /// <summary>The record's place (0-based) in what the run read.</summary>
        public long? Row { get; init; }

        /// <summary>The table or file the record came from.</summary>
        public string? Source { get; init; }

        public string? RunId { get; init; }

        public string? BatchId { get; init; }

        public string? FlowId { get; init; }

        public string? FlowName { get; init; }

        public override string ToString() => Code + ": " + Message;
    }
}
