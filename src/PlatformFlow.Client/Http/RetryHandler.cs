using System;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using PlatformFlow.Client.Errors;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace PlatformFlow.Client.Http
{
    /// <summary>
    /// Retries transient failures with Polly until the context's time budget is spent: 429 (waiting as <c>Retry-After</c>
    /// asks, up to <see cref="RetryOptions.MaxRetryAfter"/>), 502/503/504 and connection failures (exponential backoff).
    /// Every wait gets jitter, so callers told to wait the same time do not return together (a <c>Retry-After</c> at most a
    /// tenth more, <see cref="RetryOptions.RetryAfterJitter"/>; a tenth of that while the context is not overloaded, since
    /// then few callers wait together). A <c>Retry-After</c> delays only the request that got it: the context slows down by
    /// lowering its concurrency instead (<see cref="AdaptiveConcurrency"/>). A call that changes state (POST, PATCH) is retried only
    /// where the server cannot have applied it: on 429, or when the connection failed before the request was sent;
    /// otherwise it fails as it came, marked as possibly applied (<see cref="RequestOutcome.MayHaveBeenApplied"/>).
    /// Giving up on a passing failure raises <see cref="RetriesExhaustedException"/>, which says why.
    /// </summary>
    public sealed class RetryHandler : DelegatingHandler
    {
        private static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new ResiliencePropertyKey<HttpRequestMessage>("PlatformFlow.Request");
        private static readonly ResiliencePropertyKey<CallState> StateKey = new ResiliencePropertyKey<CallState>("PlatformFlow.Call");

        private readonly RetryOptions _options;
        private readonly TimeProvider _clock;
        private readonly AdaptiveConcurrency? _concurrency;
        private readonly ResiliencePipeline<HttpResponseMessage> _attempt;
        private readonly ResiliencePipeline<HttpResponseMessage>? _retrying;

        /// <param name="concurrency">The context's, when its requests pass a <see cref="ConcurrencyLimitHandler"/>: how spread its callers' returns must be.</param>
        public RetryHandler(RetryOptions options, TimeProvider clock, AdaptiveConcurrency? concurrency = null)
        {
            _options = options;
            _concurrency = concurrency;
            _clock = clock;

            // Each attempt's time limit is wall-clock time, whatever clock the retry waits follow.
            _attempt = new ResiliencePipelineBuilder<HttpResponseMessage>().AddTimeout(options.AttemptTimeout).Build();
            if (options.Budget > TimeSpan.Zero)
            {
                _retrying = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = clock }
                    .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
                    {
                        // The budget ends the retries, not a count.
                        MaxRetryAttempts = int.MaxValue,
                        ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Outcome, args.Context, args.AttemptNumber)),
                        DelayGenerator = args => new ValueTask<TimeSpan?>(args.Context.Properties.GetValue(StateKey, null!).NextWait),
                    })
                    .AddPipeline(_attempt)
                    .Build();
            }
        }

        /// <summary>
        /// The first attempt runs outside the retry strategy, since most calls need no more; a failure that may pass
        /// hands its outcome to the retry strategy, which decides, waits and sends again from there.
        /// </summary>
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var context = ResilienceContextPool.Shared.Get(cancellationToken);
            var state = new CallState(_clock.GetUtcNow());
            context.Properties.Set(RequestKey, request);
            context.Properties.Set(StateKey, state);
            HttpResponseMessage? response = null;
            Exception? failure = null;
            try
            {
                try
                {
                    response = await _attempt.ExecuteAsync(
                        static (ctx, handler) => new ValueTask<HttpResponseMessage>(handler.SendOnceAsync(ctx)),
                        context,
                        this).ConfigureAwait(false);
                }
                catch (Exception ex) when (IsFailure(ex))
                {
                    failure = ex;
                }

                var first = failure is null ? Outcome.FromResult(response!) : Outcome.FromException<HttpResponseMessage>(failure);
                if (_retrying != null && IsPassing(first, request.Method))
                {
                    state.FirstOutcome = first;
                    failure = null;
                    try
                    {
                        response = await _retrying.ExecuteAsync(
                            static (ctx, handler) => handler.ReplayFirstOrSendAsync(ctx),
                            context,
                            this).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (IsFailure(ex))
                    {
                        failure = ex;
                    }
                }
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }

            if (failure != null)
            {
                throw Failure(request, state, failure);
            }

            if (state.GaveUp)
            {
                using (response)
                {
                    throw GiveUp(request, state, await PlatformException.FromResponseAsync(response!).ConfigureAwait(false));
                }
            }

            return response!;
        }

        /// <summary>A failure of the call, not the caller's own cancellation (an attempt's time limit is one).</summary>
        private static bool IsFailure(Exception exception) => !(exception is OperationCanceledException) || exception is TimeoutRejectedException;

        /// <summary>In the retry strategy: the first attempt's outcome, so the strategy judges it, then real attempts.</summary>
        private ValueTask<HttpResponseMessage> ReplayFirstOrSendAsync(ResilienceContext context)
        {
            var state = context.Properties.GetValue(StateKey, null!);
            if (state.FirstOutcome is Outcome<HttpResponseMessage> first)
            {
                state.FirstOutcome = null;
                return first.Exception is Exception exception
                    ? new ValueTask<HttpResponseMessage>(Task.FromException<HttpResponseMessage>(exception))
                    : new ValueTask<HttpResponseMessage>(first.Result!);
            }

            return new ValueTask<HttpResponseMessage>(SendOnceAsync(context));
        }

        private Task<HttpResponseMessage> SendOnceAsync(ResilienceContext context)
        {
            context.Properties.GetValue(StateKey, null!).Attempts++;
            return base.SendAsync(context.Properties.GetValue(RequestKey, null!), context.CancellationToken);
        }

        /// <summary>The exception a failed send ends with: why retrying stopped, or that a write may have been applied.</summary>
        private Exception Failure(HttpRequestMessage request, CallState state, Exception exception)
        {
            var failure = exception is TimeoutRejectedException
                ? new HttpRequestException("No answer within " + _options.AttemptTimeout.TotalSeconds + " s from " + request.Method + " " + request.RequestUri?.AbsolutePath + ".", exception)
                : exception;
            if (state.GaveUp)
            {
                return GiveUp(request, state, failure);
            }

            return !IsIdempotent(request.Method) && !IsConnectFailure(exception) && failure is HttpRequestException
                ? new OutcomeUnknownException(request.Method.Method, request.RequestUri?.AbsolutePath ?? "?", failure)
                : failure;
        }

        private RetriesExhaustedException GiveUp(HttpRequestMessage request, CallState state, Exception lastFailure) =>
            new RetriesExhaustedException(request.Method.Method, request.RequestUri?.AbsolutePath ?? "?", state.Attempts, _clock.GetUtcNow() - state.Started, _options.Budget, state.RefusedRetryAfter, _options.MaxRetryAfter, lastFailure);

        private bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, int attemptNumber)
        {
            if (context.CancellationToken.IsCancellationRequested || !IsPassing(outcome, context.Properties.GetValue(RequestKey, null!).Method))
            {
                return false;
            }

            var state = context.Properties.GetValue(StateKey, null!);
            var now = _clock.GetUtcNow();
            TimeSpan wait;
            if (RetryAfterOf(outcome.Result) is TimeSpan asked)
            {
                if (asked > _options.MaxRetryAfter)
                {
                    state.RefusedRetryAfter = asked;
                    state.GaveUp = true;
                    return false;
                }

                // Not before the time asked, and at most a tenth longer: callers told the same come back spread out, and a
                // long wait is not stretched by minutes.
                var spread = RetryOptions.RetryAfterJitter(asked);
                wait = asked + Jitter.UpTo(_concurrency is null || _concurrency.Overloaded ? spread : TimeSpan.FromTicks(spread.Ticks / 10));
            }
            else
            {
                // Exponential backoff, capped, with the upper half jittered.
                var exponent = Math.Min(attemptNumber, 30);
                var ceiling = TimeSpan.FromTicks((long)Math.Min(_options.MaxDelay.Ticks, _options.BaseDelay.Ticks * Math.Pow(2, exponent)));
                wait = TimeSpan.FromTicks(ceiling.Ticks / 2) + Jitter.UpTo(TimeSpan.FromTicks(ceiling.Ticks / 2));
            }

            if (now - state.Started + wait > _options.Budget)
            {
                state.GaveUp = true;
                return false;
            }

            state.NextWait = wait;
            return true;
        }

        /// <summary>A failure that may pass, and that the server cannot have applied when the call changes state.</summary>
        private static bool IsPassing(Outcome<HttpResponseMessage> outcome, HttpMethod method)
        {
            if (outcome.Exception is Exception exception)
            {
                return IsConnectFailure(exception) || (IsIdempotent(method) && (exception is HttpRequestException || exception is TimeoutRejectedException));
            }

            switch ((int)outcome.Result!.StatusCode)
            {
                case 429:
                    return true;
                case 502:
                case 503:
                case 504:
                    return IsIdempotent(method);
                default:
                    return false;
            }
        }

        private static bool IsIdempotent(HttpMethod method) =>
            method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Put || method == HttpMethod.Delete || method == HttpMethod.Options;

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

        /// <summary>One call's progress through its retries.</summary>
        private sealed class CallState
        {
            public CallState(DateTimeOffset started)
            {
                Started = started;
            }

            public DateTimeOffset Started { get; }

            public int Attempts { get; set; }

            /// <summary>The first attempt's outcome, handed to the retry strategy.</summary>
            public Outcome<HttpResponseMessage>? FirstOutcome { get; set; }

            /// <summary>Set by the retry decision, read by the delay generator that follows it.</summary>
            public TimeSpan NextWait { get; set; }

            /// <summary>The failure passed but retrying no longer fits the policy.</summary>
            public bool GaveUp { get; set; }

            public TimeSpan? RefusedRetryAfter { get; set; }
        }
    }
}
