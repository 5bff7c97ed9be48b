using System;
using System.Globalization;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace PlatformFlow.Client.Http
{
    /// <summary>
    /// Retries transient failures with Polly: 429 (waiting as <c>Retry-After</c> asks), 502/503/504 and connection
    /// failures, with exponential backoff and jitter, bounded in attempts and total time. A call that changes state
    /// (POST, PATCH) is retried only where the server cannot have applied it: on 429, or when the connection failed
    /// before the request was sent. Anything else could create a resource twice.
    /// </summary>
    public sealed class RetryHandler : DelegatingHandler
    {
        private static readonly ResiliencePropertyKey<HttpMethod> MethodKey = new ResiliencePropertyKey<HttpMethod>("PlatformFlow.Method");
        private static readonly ResiliencePropertyKey<DateTimeOffset> StartedKey = new ResiliencePropertyKey<DateTimeOffset>("PlatformFlow.Started");

        private readonly RetryOptions _options;
        private readonly TimeProvider _clock;
        private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

        public RetryHandler(RetryOptions options, TimeProvider clock)
        {
            _options = options;
            _clock = clock;
            var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = clock };
            if (options.MaxRetries > 0)
            {
                builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
                {
                    MaxRetryAttempts = options.MaxRetries,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = options.BaseDelay,
                    MaxDelay = options.MaxDelay,
                    ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Outcome, args.Context)),
                    DelayGenerator = args => new ValueTask<TimeSpan?>(RetryAfter(args.Outcome.Result)),
                });
            }

            // Each attempt's time limit is wall-clock time, whatever clock the retry waits follow.
            var attemptTimeout = new ResiliencePipelineBuilder<HttpResponseMessage>().AddTimeout(options.AttemptTimeout).Build();
            _pipeline = builder.AddPipeline(attemptTimeout).Build();
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var context = ResilienceContextPool.Shared.Get(cancellationToken);
            context.Properties.Set(MethodKey, request.Method);
            context.Properties.Set(StartedKey, _clock.GetUtcNow());
            try
            {
                return await _pipeline.ExecuteAsync(
                    static async (ctx, state) => await state.Handler.SendOnceAsync(state.Request, ctx.CancellationToken).ConfigureAwait(false),
                    context,
                    (Handler: this, Request: request)).ConfigureAwait(false);
            }
            catch (TimeoutRejectedException ex)
            {
                throw new HttpRequestException("No answer within " + _options.AttemptTimeout.TotalSeconds + " s from " + request.Method + " " + request.RequestUri?.AbsolutePath + ".", ex);
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }
        }

        private Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            base.SendAsync(request, cancellationToken);

        private bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context)
        {
            if (context.CancellationToken.IsCancellationRequested || TotalTimeSpent(context) >= _options.TotalTimeout)
            {
                return false;
            }

            var method = context.Properties.GetValue(MethodKey, HttpMethod.Get);
            var idempotent = method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Put
                || method == HttpMethod.Delete || method == HttpMethod.Options;
            if (outcome.Exception is Exception exception)
            {
                return IsConnectFailure(exception) || (idempotent && (exception is HttpRequestException || exception is TimeoutRejectedException));
            }

            var response = outcome.Result!;
            if (RetryAfterOf(response) is TimeSpan wait && TotalTimeSpent(context) + wait > _options.TotalTimeout)
            {
                // The server asks for a wait past the time budget: give its answer back now rather than retry late.
                return false;
            }

            switch ((int)response.StatusCode)
            {
                case 429:
                    return true;
                case 502:
                case 503:
                case 504:
                    return idempotent;
                default:
                    return false;
            }
        }

        private TimeSpan TotalTimeSpent(ResilienceContext context) =>
            _clock.GetUtcNow() - context.Properties.GetValue(StartedKey, _clock.GetUtcNow());

        /// <summary>The wait a 429 or 503 asks for in <c>Retry-After</c>, capped at <see cref="RetryOptions.MaxDelay"/>; null means "use the backoff".</summary>
        private TimeSpan? RetryAfter(HttpResponseMessage? response) =>
            RetryAfterOf(response) is TimeSpan wait ? TimeSpan.FromTicks(Math.Min(wait.Ticks, _options.MaxDelay.Ticks)) : (TimeSpan?)null;

        /// <summary><c>Retry-After</c> as seconds or an HTTP date, from now; null when absent.</summary>
        private TimeSpan? RetryAfterOf(HttpResponseMessage? response)
        {
            var retryAfter = response?.Headers.RetryAfter;
            if (retryAfter is null)
            {
                return null;
            }

            var wait = retryAfter.Delta ?? (retryAfter.Date is DateTimeOffset date ? date - _clock.GetUtcNow() : TimeSpan.Zero);
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        /// <summary>True when the connection was never made, so the server cannot have seen the request.</summary>
        internal static bool IsConnectFailure(Exception exception)
        {
            for (var current = exception; current != null; current = current.InnerException)
            {
                if (current is SocketException socket)
                {
                    switch (socket.SocketErrorCode)
                    {
                        case SocketError.ConnectionRefused:
                        case SocketError.HostNotFound:
                        case SocketError.HostUnreachable:
                        case SocketError.NetworkUnreachable:
                        case SocketError.TryAgain:
                        case SocketError.AddressNotAvailable:
                            return true;
                    }
                }
            }

            return false;
        }

        public override string ToString() => "RetryHandler(" + _options.MaxRetries.ToString(CultureInfo.InvariantCulture) + " retries)";
    }
}
