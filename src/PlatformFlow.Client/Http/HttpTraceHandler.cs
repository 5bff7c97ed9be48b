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
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            HttpCallTrace.IsListening ? SendTracedAsync(request, cancellationToken) : base.SendAsync(request, cancellationToken);

        private async Task<HttpResponseMessage> SendTracedAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var started = Stopwatch.GetTimestamp();
            var target = request.RequestUri?.PathAndQuery ?? "?";
            try
            {
                var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                var requestId = response.Headers.TryGetValues("x-request-id", out var ids) ? ids.FirstOrDefault() : null;
                HttpCallTrace.Publish(new HttpCallRecord(request.Method.Method, target, (int)response.StatusCode, Elapsed(started), requestId, null));
                return response;
            }
            catch (Exception ex)
            {
                HttpCallTrace.Publish(new HttpCallRecord(request.Method.Method, target, null, Elapsed(started), null, ex is OperationCanceledException ? "cancelled" : ex.GetType().Name));
                throw;
            }
        }

        private static TimeSpan Elapsed(long started) =>
            TimeSpan.FromTicks((long)((Stopwatch.GetTimestamp() - started) * (double)TimeSpan.TicksPerSecond / Stopwatch.Frequency));
    }
}
