using System;
using System.Linq;
using PlatformFlow.Emulator.Engine;
using PlatformFlow.Tests.Support;
using Xunit;

namespace PlatformFlow.Tests.Emulator.Engine
{
    /// <summary>Tokens the IMS endpoint issues and the gateway's bearer check, with and without enforced credentials.</summary>
    public sealed class TokenRegistryTests
    {
        private readonly ManualTimeProvider _clock = new ManualTimeProvider(new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero));

        [Theory]
        [InlineData("other-client", "s3cret")]
        [InlineData("client", "s3creT")]
        [InlineData("client", "s3cre")]
        [InlineData("client", "s3crets")]
        [InlineData("client", "")]
        public void With_credentials_only_the_configured_client_and_secret_get_a_token(string clientId, string secret)
        {
            var tokens = Enforcing();

            Assert.Null(tokens.Issue(clientId, secret));
            Assert.Equal(0, tokens.IssuedCount);
        }

        [Fact]
        public void An_issued_token_is_random_url_safe_and_expires_after_the_lifetime()
        {
            var tokens = Enforcing();

            var first = tokens.Issue("client", "s3cret")!;
            var second = tokens.Issue("client", "s3cret")!;

            Assert.NotEqual(first.Value, second.Value);
            Assert.All(Enumerable.Range(0, 30).Select(_ => tokens.Issue("client", "s3cret")!.Value).Append(first.Value), value => Assert.Matches("^eyPF\\.[A-Za-z0-9_-]{43}$", value));
            Assert.Equal(("client", new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero)), (first.ClientId, first.ExpiresAt));
            Assert.Equal(32, tokens.IssuedCount);
        }

        [Fact]
        public void With_credentials_a_token_is_valid_for_its_client_until_it_expires()
        {
            var tokens = Enforcing();
            var token = tokens.Issue("client", "s3cret")!.Value;

            Assert.True(tokens.IsValid(token, "client"));
            Assert.False(tokens.IsValid(token, "other-client"));
            Assert.False(tokens.IsValid(token, null));
            Assert.False(tokens.IsValid("eyPF.not-issued", "client"));
            _clock.Advance(TimeSpan.FromHours(2) - TimeSpan.FromTicks(1));
            Assert.True(tokens.IsValid(token, "client"));
            _clock.Advance(TimeSpan.FromTicks(1));
            Assert.False(tokens.IsValid(token, "client"));
        }

        [Fact]
        public void Without_credentials_any_client_gets_a_token_and_any_non_blank_token_passes()
        {
            var tokens = new TokenRegistry(new EmulatorOptions { Clock = _clock });

            Assert.Equal("anyone", tokens.Issue("anyone", "anything")!.ClientId);
            Assert.True(tokens.IsValid("made-up", null));
            Assert.False(tokens.IsValid(" ", "anyone"));
            Assert.False(tokens.IsValid(string.Empty, "anyone"));
        }

        [Fact]
        public void With_credentials_a_blank_token_is_refused()
        {
            Assert.False(Enforcing().IsValid("  ", "client"));
        }

        private TokenRegistry Enforcing() => new TokenRegistry(new EmulatorOptions
        {
            Clock = _clock,
            TokenLifetime = TimeSpan.FromHours(2),
            Credentials = new EmulatorCredentials("client", "s3cret"),
        });
    }
}
