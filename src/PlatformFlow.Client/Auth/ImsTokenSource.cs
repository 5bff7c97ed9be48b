using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using PlatformFlow.Client.Errors;
using PlatformFlow.Client.Json;

namespace PlatformFlow.Client.Auth
{
    /// <summary>
    /// OAuth server-to-server (client_credentials) against IMS. The token is cached and renewed before it expires; many
    /// concurrent callers share one token request. IMS gives no refresh token, so renewing is asking again.
    /// </summary>
    public sealed class ImsTokenSource : IAccessTokenSource
    {
        private readonly ImsCredentials _credentials;
        private readonly Func<HttpClient> _httpClient;
        private readonly TimeProvider _clock;
        private readonly SemaphoreSlim _renewal = new SemaphoreSlim(1, 1);
        private volatile CachedToken? _current;

        /// <param name="httpClient">Gives the client to call IMS with (from the connection's IHttpClientFactory).</param>
        public ImsTokenSource(ImsCredentials credentials, Func<HttpClient> httpClient, TimeProvider? clock = null)
        {
            _credentials = credentials;
            _httpClient = httpClient;
            _clock = clock ?? TimeProvider.System;
        }

        /// <summary>How long before expiry a token is renewed: a tenth of its lifetime, at most five minutes.</summary>
        public static TimeSpan RenewalMargin(TimeSpan lifetime) =>
            TimeSpan.FromTicks(Math.Min(lifetime.Ticks / 10, TimeSpan.FromMinutes(5).Ticks));

        public ImsCredentials Credentials => _credentials;

        public bool CanRenew => true;

        public Task<string> GetAccessTokenAsync(CancellationToken cancellationToken)
        {
            var token = _current;
            return token != null && !token.NeedsRenewal(_clock.GetUtcNow()) ? token.Completed : RenewAsync(cancellationToken);
        }

        private async Task<string> RenewAsync(CancellationToken cancellationToken)
        {
            CachedToken? token;
            await _renewal.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                token = _current;
                if (token is null || token.NeedsRenewal(_clock.GetUtcNow()))
                {
                    token = await RequestTokenAsync(cancellationToken).ConfigureAwait(false);
                    _current = token;
                }

                return token.Value;
            }
            finally
            {
                _renewal.Release();
            }
        }

        public bool Invalidate(string rejectedToken)
        {
            var token = _current;
            if (token != null && token.Value == rejectedToken)
            {
                _current = null;
            }

            return true;
        }

        private async Task<CachedToken> RequestTokenAsync(CancellationToken cancellationToken)
        {
            var form = new FormUrlEncodedContent(new[]
            {
                new KeyValuePair<string, string>("grant_type", "client_credentials"),
                new KeyValuePair<string, string>("client_id", _credentials.ClientId),
                new KeyValuePair<string, string>("client_secret", _credentials.ClientSecret),
                new KeyValuePair<string, string>("scope", string.Join(",", _credentials.Scopes)),
            });
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_credentials.ImsBaseUri, "/ims/token/v3")) { Content = form };
            var requestedAt = _clock.GetUtcNow();
            using var response = await _httpClient().SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                // The exception is built from IMS's error fields only; neither the secret nor any token is in it.
                throw await PlatformException.FromResponseAsync(response).ConfigureAwait(false);
            }

            var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            var answer = System.Text.Json.JsonSerializer.Deserialize(body, PlatformJsonContext.Default.ImsTokenResponse);
            if (answer is null || string.IsNullOrEmpty(answer.AccessToken) || answer.ExpiresIn <= 0)
            {
                throw new PlatformException((int)response.StatusCode, null, "Invalid token response", "IMS answered without an access token or expiry.", null, "POST", "/ims/token/v3");
            }

            var lifetime = TimeSpan.FromSeconds(answer.ExpiresIn);
            return new CachedToken(answer.AccessToken, requestedAt + lifetime - RenewalMargin(lifetime));
        }

        public override string ToString() => "ImsTokenSource(" + _credentials.ClientId + ")";

        private sealed class CachedToken
        {
            public CachedToken(string value, DateTimeOffset renewAt)
            {
                Value = value;
                RenewAt = renewAt;
                Completed = Task.FromResult(value);
            }

            public string Value { get; }

            /// <summary>The token as a finished task, so each call that finds it valid allocates nothing.</summary>
            public Task<string> Completed { get; }

            public DateTimeOffset RenewAt { get; }

            public bool NeedsRenewal(DateTimeOffset now) => now >= RenewAt;
        }
    }
}
