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

        public PlatformHeadersHandler(PlatformConnectionSettings settings)
        {
            _settings = settings;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var token = await Authorize(request, cancellationToken).ConfigureAwait(false);
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.Unauthorized && _settings.Tokens.Invalidate(token))
            {
                response.Dispose();
                await Authorize(request, cancellationToken).ConfigureAwait(false);
                response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }

            return response;
        }

        private async Task<string> Authorize(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var token = await _settings.Tokens.GetAccessTokenAsync(cancellationToken).ConfigureAwait(false);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            Set(request, "x-api-key", _settings.ApiKey);
            Set(request, "x-gw-ims-org-id", _settings.OrgId);
            Set(request, "x-sandbox-name", _settings.Sandbox);
            return token;
        }

        private static void Set(HttpRequestMessage request, string name, string value)
        {
            request.Headers.Remove(name);
            request.Headers.TryAddWithoutValidation(name, value);
        }
    }
}
