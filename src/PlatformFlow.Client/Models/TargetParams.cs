namespace PlatformFlow.Client.Models
{
    public sealed class TargetParams : PlatformModel
    {
        public string? DataSetId { get; init; }

        public override string ToString() => DataSetId ?? string.Empty;
    }
}
