using System.Collections.Generic;

namespace PlatformFlow.Emulator.Ingestion
{
    /// <summary>One source record's ingestion, kept as text: the record as read, and the mapped record when it landed or why it did not.</summary>
    internal sealed class RecordOutcome
    {
        public RecordOutcome(string input, int inputBytes, string? mapped, int outputBytes, IReadOnlyList<RowError> errors)
        {
            Input = input;
            InputBytes = inputBytes;
            Mapped = mapped;
            OutputBytes = outputBytes;
            Errors = errors;
        }

        /// <summary>The record as read (its kept columns), JSON text.</summary>
        public string Input { get; }

        public int InputBytes { get; }

        /// <summary>The mapped XDM record, JSON text; null when the record failed.</summary>
        public string? Mapped { get; }

        public int OutputBytes { get; }

        public IReadOnlyList<RowError> Errors { get; }

        public bool Landed => Errors.Count == 0;
    }
}
