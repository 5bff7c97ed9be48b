namespace PlatformFlow.Client.Models
{
    /// <summary>What Test-BaseConnection found: whether the source accepts the base connection's credentials.</summary>
    public sealed class BaseConnectionTest
    {
        public BaseConnectionTest(string baseConnectionId, string? name, bool result)
        {
            BaseConnectionId = baseConnectionId;
            Name = name;
            Result = result;
        }

        public string BaseConnectionId { get; }

        public string? Name { get; }

        /// <summary>True when the source accepted the credentials.</summary>
        public bool Result { get; }
    }
}
