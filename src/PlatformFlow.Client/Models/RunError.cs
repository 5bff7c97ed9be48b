using System.Globalization;

namespace PlatformFlow.Client.Models
{
    /// <summary>An error of a run or a batch: its code, message and, for record errors, how many records it hit.</summary>
    public sealed class RunError : PlatformModel
    {
        public string? Code { get; init; }

        public string? Message { get; init; }

        /// <summary>How many records the error hit; null for a fault of the whole run (a connector error).</summary>
        public long? RecordCount { get; init; }

        public override string ToString() =>
            (string.IsNullOrEmpty(Code) ? Message ?? string.Empty : Code + ": " + Message)
            + (RecordCount is long count ? " (" + count.ToString(CultureInfo.InvariantCulture) + (count == 1 ? " record)" : " records)") : string.Empty);
    }
}
