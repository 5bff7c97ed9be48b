namespace PlatformFlow.Client.Models
{
    /// <summary>A flow's <c>options</c>: the partial-ingestion threshold and error diagnostics.</summary>
    public sealed class DataflowOptions : PlatformModel
    {
        /// <summary>The percent of a run's records that may fail before the run fails and nothing lands (above 0).</summary>
        public double? PartialIngestionPercent { get; init; }

        public bool? ErrorDiagnosticsEnabled { get; init; }

        public override string ToString() =>
            PartialIngestionPercent is double percent ? "partialIngestionPercent=" + percent.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty;
    }
}
