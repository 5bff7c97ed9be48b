namespace PlatformFlow.Client.Models
{
    /// <summary><c>data.schema</c>: the target XDM schema's <c>$id</c> and the content type version.</summary>
    public sealed class TargetSchemaReference : PlatformModel
    {
        public string Id { get; init; } = string.Empty;

        public string? Version { get; init; }

        public override string ToString() => Id;
    }
}
