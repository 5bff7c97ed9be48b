namespace PlatformFlow.Client.Models
{
    /// <summary>What Test-BaseConnection found: whether the source accepts the base connection's credentials.</summary>
    public sealed class BaseConnectionTest(string baseConnectionId, string? name, bool result)
    {
        public string BaseConnectionId { get; } = baseConnectionId;

        public string? Name { get; } = name;

        /// <summary>True when the source accepted the credentials.</summary>
        public bool Result { get; } = result;
    }
}
