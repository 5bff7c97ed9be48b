namespace PlatformFlow.Client.Inputs
{
    public sealed class DataflowRemoval
    {
        public string Id { get; set; } = string.Empty;

        /// <summary>Also remove the connections only this flow used, and the base connections left unused.</summary>
        public bool IncludeConnections { get; set; }
    }
}
