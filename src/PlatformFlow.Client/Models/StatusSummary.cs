namespace PlatformFlow.Client.Models
{
    public sealed class StatusSummary : PlatformModel
    {
        public string? Status { get; init; }

        public ValueList<RunError>? Errors { get; init; }

        public override string ToString() => Status ?? string.Empty;
    }
}
