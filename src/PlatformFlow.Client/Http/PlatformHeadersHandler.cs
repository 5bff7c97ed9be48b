using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using PlatformFlow.Client.Auth;

namespace PlatformFlow.Client.Http
{
    /// <summary>
    /// Adds the headers every platform call needs: <c>Authorization</c>, <c>x-api-key</c>, <c>x-gw-ims-org-id</c>,
    /// <c>x-sandbox-name</c>. After a 401 it drops the token and tries once more with a fresh one (a token can expire
    /// or be revoked between our renewal and the call).
    /// </summary>
    public sealed class PlatformHeadersHandler : DelegatingHandler
    {
        private readonly PlatformConnectionSettings _settings;

        // The header for the current token, built once per token rather than per call (it is never changed once built).
        private volatile BearerHeader? _bearer;

        public PlatformHeadersHandler(PlatformConnectionSettings settings)
        {
            _settings = settings;
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var token = _settings.Tokens.GetAccessTokenAsync(cancellationToken);
            if (token.Status == TaskStatus.RanToCompletion && !_settings.Tokens.CanRenew)
            {
                // A token that cannot be renewed makes a 401 final: nothing to wait for here.
                Authorize(request, token.Result);
                return base.SendAsync(request, cancellationToken);
            }

            return SendRenewingAfter401Async(request, token, cancellationToken);
        }

        private async Task<HttpResponseMessage> SendRenewingAfter401Async(HttpRequestMessage request, Task<string> pendingToken, CancellationToken cancellationToken)
        {
            var token = await pendingToken.ConfigureAwait(false);
            Authorize(request, token);
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.Unauthorized && _settings.Tokens.Invalidate(token))
            {
                response.Dispose();
                Authorize(request, await _settings.Tokens.GetAccessTokenAsync(cancellationToken).ConfigureAwait(false));
                response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }

            return response;
        }

        private void Authorize(HttpRequestMessage request, string token)
        {
            var bearer = _bearer;
            if (bearer is null || !ReferenceEquals(bearer.Token, token))
            {
                _bearer = bearer = new BearerHeader(token);
            }

            request.Headers.Authorization = bearer.Value;
            Set(request, "x-api-key", _settings.ApiKey);
            Set(request, "x-gw-ims-org-id", _settings.OrgId);
            Set(request, "x-sandbox-name", _settings.Sandbox);
        }

        private sealed class BearerHeader
        {
            public BearerHeader(string token)
            {
                Token = token;
                Value = new AuthenticationHeaderValue("Bearer", token);
            }

            public string Token { get; }

            public AuthenticationHeaderValue Value { get; }
        }

        private static void Set(HttpRequestMessage request, string name, string value)
        {
            request.Headers.Remove(name);
            request.Headers.TryAddWithoutValidation(name, value);
        }
    }
}
