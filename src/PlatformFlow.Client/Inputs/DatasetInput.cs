namespace PlatformFlow.Client.Inputs
{
    public sealed class DatasetInput
    {
        public string Name { get; set; } = string.Empty;

        /// <summary>The schema's <c>$id</c>.</summary>
        public string SchemaId { get; set; } = string.Empty;

        public string? Description { get; set; }

        public PipelineIds Carried { get; set; } = new PipelineIds();

        public object? Target { get; set; }
    }
}
