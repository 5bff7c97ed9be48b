namespace PlatformFlow.Client.Models
{
    public sealed class RecordSummary : PlatformModel
    {
        public long? InputRecordCount { get; init; }

        public long? OutputRecordCount { get; init; }

        public long? FailedRecordCount { get; init; }

        public override string ToString() => "in " + InputRecordCount + ", out " + OutputRecordCount + ", failed " + FailedRecordCount;
    }
}
