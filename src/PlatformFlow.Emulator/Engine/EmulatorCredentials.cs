namespace PlatformFlow.Emulator.Engine
{
    public sealed class EmulatorCredentials(string clientId, string clientSecret)
    {
        public string ClientId { get; } = clientId;

        public string ClientSecret { get; } = clientSecret;
    }
}
