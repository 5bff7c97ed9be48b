namespace PlatformFlow.Client.Models
{
    /// <summary>A batch's error: <c>{code, description, recordCount}</c>.</summary>
    public sealed class BatchError : PlatformModel
    {
        public string? Code { get; init; }

        public string? Description { get; init; }

        public long? RecordCount { get; init; }
    }
}
