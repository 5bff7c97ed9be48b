using System;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace PlatformFlow.Client.Http
{
    /// <summary>Publishes each attempt (method, path, status, time, request id) to <see cref="HttpCallTrace"/>; inside the retry, so every attempt shows.</summary>
    public sealed class HttpTraceHandler : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var watch = Stopwatch.StartNew();
            var target = request.RequestUri?.PathAndQuery ?? "?";
            try
            {
                var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                var requestId = response.Headers.TryGetValues("x-request-id", out var ids) ? ids.FirstOrDefault() : null;
                HttpCallTrace.Publish(new HttpCallRecord(request.Method.Method, target, (int)response.StatusCode, watch.Elapsed, requestId, null));
                return response;
            }
            catch (Exception ex)
            {
                HttpCallTrace.Publish(new HttpCallRecord(request.Method.Method, target, null, watch.Elapsed, null, ex is OperationCanceledException ? "cancelled" : ex.GetType().Name));
                throw;
            }
        }
    }
}
