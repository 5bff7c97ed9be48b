namespace PlatformFlow.Client.Models
{
    /// <summary>A batch's <c>relatedObjects</c> entry: <c>{type:"dataSet", id}</c>.</summary>
    public sealed class BatchRelatedObject : PlatformModel
    {
        public string? Type { get; init; }

        public string? Id { get; init; }
    }
}
