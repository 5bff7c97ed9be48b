using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace PlatformFlow.Client.Http
{
    /// <summary>
    /// Keeps one context's requests in flight within its <see cref="AdaptiveConcurrency"/> limit, whatever number of
    /// commands and runspaces share it, and tells the limit what the platform answered. It sits inside the retry handler,
    /// so a request waiting out a <c>Retry-After</c> holds no slot.
    /// </summary>
    public sealed class ConcurrencyLimitHandler : DelegatingHandler
    {
        private readonly AdaptiveConcurrency _concurrency;

        /// <param name="concurrency">Shared by every handler instance the factory makes for the context.</param>
        public ConcurrencyLimitHandler(AdaptiveConcurrency concurrency)
        {
            _concurrency = concurrency;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var slot = await _concurrency.EnterAsync(cancellationToken).ConfigureAwait(false);
            bool? throttled = null;
            try
            {
                var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                throttled = (int)response.StatusCode == 429;
                return response;
            }
            finally
            {
                _concurrency.Release(slot, throttled);
            }
        }
    }
}
