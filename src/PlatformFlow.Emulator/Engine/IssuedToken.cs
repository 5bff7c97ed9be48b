using System;

namespace PlatformFlow.Emulator.Engine
{
    public sealed class IssuedToken(string value, string clientId, DateTimeOffset expiresAt)
    {
        public string Value { get; } = value;

        public string ClientId { get; } = clientId;

        public DateTimeOffset ExpiresAt { get; } = expiresAt;
    }
}
