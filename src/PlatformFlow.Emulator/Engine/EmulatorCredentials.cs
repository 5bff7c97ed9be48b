using System;

namespace PlatformFlow.Emulator.Engine
{
    public sealed class EmulatorCredentials
    {
        public EmulatorCredentials(string clientId, string clientSecret)
        {
            ClientId = clientId;
            ClientSecret = clientSecret;
        }

        public string ClientId { get; }

        public string ClientSecret { get; }
    }
}
