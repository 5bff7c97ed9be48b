namespace PlatformFlow.Client.Models
{
    /// <summary>The answer to a Flow Service create or update: <c>{id, etag}</c>.</summary>
    public sealed class ResourceWriteResult : PlatformModel
    {
        public string Id { get; init; } = string.Empty;

        public string? Etag { get; init; }
    }
}
