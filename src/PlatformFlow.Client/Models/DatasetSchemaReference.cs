namespace PlatformFlow.Client.Models
{
    /// <summary><c>schemaRef</c>: the schema's <c>$id</c> and the content type to read it with.</summary>
    public sealed class DatasetSchemaReference : PlatformModel
    {
        public string Id { get; init; } = string.Empty;

        public string? ContentType { get; init; }

        public override string ToString() => Id;
    }
}
