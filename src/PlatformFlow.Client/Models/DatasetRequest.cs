namespace PlatformFlow.Client.Models
{
    /// <summary>The body of <c>POST /dataSets</c>.</summary>
    public sealed class DatasetRequest
    {
        public string Name { get; init; } = string.Empty;

        public string? Description { get; init; }

        public DatasetSchemaReference SchemaRef { get; init; } = new DatasetSchemaReference();
    }
}
