using System;
using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace PlatformFlow.Emulator.Engine
{
    public sealed class IssuedToken
    {
        public IssuedToken(string value, string clientId, DateTimeOffset expiresAt)
        {
            Value = value;
            ClientId = clientId;
            ExpiresAt = expiresAt;
        }

        public string Value { get; }

        public string ClientId { get; }

        public DateTimeOffset ExpiresAt { get; }
    }
}
