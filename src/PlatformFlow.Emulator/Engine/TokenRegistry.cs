using System;
using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace PlatformFlow.Emulator.Engine
{
    /// <summary>Access tokens issued by the emulator's IMS endpoint, and the bearer check the gateway applies.</summary>
    public sealed class TokenRegistry(EmulatorOptions options)
    {
        private readonly EmulatorOptions _options = options;
        private readonly ConcurrentDictionary<string, IssuedToken> _issued = new ConcurrentDictionary<string, IssuedToken>(StringComparer.Ordinal);

        /// <summary>How many tokens were issued (tests check one token serves many concurrent calls).</summary>
        public int IssuedCount => _issued.Count;

        /// <summary>Issues a token, or null when the emulator enforces credentials and these are not them.</summary>
        public IssuedToken? Issue(string clientId, string clientSecret)
        {
            var expected = _options.Credentials;
            if (expected != null && (clientId != expected.ClientId || !FixedTimeEquals(clientSecret, expected.ClientSecret)))
            {
                return null;
            }

            var bytes = new byte[32];
            using (var random = RandomNumberGenerator.Create())
            {
                random.GetBytes(bytes);
            }

            var token = new IssuedToken(
                "eyPF." + Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
                clientId,
                _options.Clock.GetUtcNow() + _options.TokenLifetime);
            _issued[token.Value] = token;
            return token;
        }

        /// <summary>
        /// With no credentials configured any non-empty token passes; otherwise it must be one this emulator issued to the
        /// client named by <c>x-api-key</c>, and not expired.
        /// </summary>
        public bool IsValid(string token, string? apiKey)
        {
            if (string.IsNullOrWhiteSpace(token))
            {
                return false;
            }

            if (_options.Credentials is null)
            {
                return true;
            }

            return _issued.TryGetValue(token, out var issued)
                && issued.ClientId == apiKey
                && issued.ExpiresAt > _options.Clock.GetUtcNow();
        }

        private static bool FixedTimeEquals(string a, string b)
        {
            var difference = a.Length ^ b.Length;
            for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
            {
                difference |= a[i] ^ b[i];
            }

            return difference == 0;
        }
    }
}
