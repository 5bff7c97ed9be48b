namespace PlatformFlow.Client.Inputs
{
    public sealed class BaseConnectionTestInput
    {
        public string Id { get; set; } = string.Empty;

        /// <summary>The connection's name, shown in the result when known (a piped connection).</summary>
        public string? Name { get; set; }

        /// <summary>Write only true or false.</summary>
        public bool Quiet { get; set; }

        public object? Target { get; set; }
    }
}
