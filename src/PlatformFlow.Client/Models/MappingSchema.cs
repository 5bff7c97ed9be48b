namespace PlatformFlow.Client.Models
{
    /// <summary><c>outputSchema</c>: the target schema of a mapping set.</summary>
    public sealed class MappingSchema : PlatformModel
    {
        public DatasetSchemaReference SchemaRef { get; init; } = new DatasetSchemaReference();

        public override string ToString() => SchemaRef.Id;
    }
}
