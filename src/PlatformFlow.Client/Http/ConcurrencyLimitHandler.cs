using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace PlatformFlow.Client.Http
{
    /// <summary>
    /// Caps the requests one context has in flight (<see cref="PlatformClientOptions.MaxConcurrentRequests"/>), whatever
    /// number of commands and runspaces share it. It sits inside the retry handler, so a request waiting out a
    /// <c>Retry-After</c> does not hold a slot.
    /// </summary>
    public sealed class ConcurrencyLimitHandler : DelegatingHandler
    {
        private readonly SemaphoreSlim _slots;

        /// <param name="slots">Shared by every handler instance the factory makes for the context.</param>
        public ConcurrencyLimitHandler(SemaphoreSlim slots)
        {
            _slots = slots;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _slots.Release();
            }
        }
    }
}
