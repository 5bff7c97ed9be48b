namespace PlatformFlow.Client.Models
{
    /// <summary>A reference to a spec by id and version (<c>connectionSpec</c>, <c>flowSpec</c>).</summary>
    public sealed class SpecReference : PlatformModel
    {
        public SpecReference()
        {
        }

        public SpecReference(string id, string? version = "1.0")
        {
            Id = id;
            Version = version;
        }

        public string Id { get; init; } = string.Empty;

        public string? Version { get; init; }

        public override string ToString() => Id;
    }
}
