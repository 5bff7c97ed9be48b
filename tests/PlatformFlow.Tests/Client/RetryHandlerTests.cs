using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using PlatformFlow.Client.Errors;
using PlatformFlow.Client.Http;
using PlatformFlow.Tests.Support;
using Xunit;

namespace PlatformFlow.Tests.Client
{
    /// <summary>
    /// The retry handler on its own, over scripted answers: the edges the emulator-backed <see cref="RetryTests"/> do not
    /// reach (a per-attempt time limit, failures with no retries left to try, Retry-After as a date, the budget's edge).
    /// </summary>
    public sealed class RetryHandlerTests
    {
        private const string Url = "https://platform.example/data/foundation/flowservice/flows/f-1";

        [Fact]
        public async Task An_attempt_without_an_answer_in_time_fails_naming_the_limit_and_the_call()
        {
            var inner = new ScriptedHandler(async (_, cancellation) =>
            {
                await Task.Delay(Timeout.Infinite, cancellation);
                throw new InvalidOperationException("not reached");
            });
            using var invoker = Invoker(new RetryOptions { Budget = TimeSpan.Zero, AttemptTimeout = TimeSpan.FromMilliseconds(200) }, inner, new ManualTimeProvider());

            var error = await Assert.ThrowsAsync<HttpRequestException>(() => invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, Url), CancellationToken.None));

            Assert.Equal("No answer within 0.2 s from GET /data/foundation/flowservice/flows/f-1.", error.Message);
            Assert.IsType<Polly.Timeout.TimeoutRejectedException>(error.InnerException);
        }

        public static TheoryData<string, HttpRequestException> FailuresNotApplied => new TheoryData<string, HttpRequestException>
        {
            // A GET may be sent again at no risk; a POST whose connection was refused never reached the server.
            { "GET", new HttpRequestException("The response ended prematurely.", new IOException("reset", new SocketException((int)SocketError.ConnectionReset))) },
            { "POST", new HttpRequestException("Connection refused", new SocketException((int)SocketError.ConnectionRefused)) },
        };

        [Theory]
        [MemberData(nameof(FailuresNotApplied))]
        public async Task A_failure_with_no_retries_allowed_that_cannot_have_applied_a_change_fails_as_it_came(string method, HttpRequestException failure)
        {
            using var invoker = Invoker(RetryOptions.None, new FailingHandler(() => failure), new ManualTimeProvider());

            var error = await Assert.ThrowsAsync<HttpRequestException>(() => invoker.SendAsync(new HttpRequestMessage(new HttpMethod(method), Url), CancellationToken.None));

            Assert.Same(failure, error);
            Assert.False(RequestOutcome.MayHaveBeenApplied(error));
        }

        [Fact]
        public async Task A_Retry_After_of_exactly_the_maximum_is_waited()
        {
            var clock = new ManualTimeProvider { AutoAdvance = true };
            var inner = new ScriptedHandler(Answer(429, retryAfter: TimeSpan.FromSeconds(60)), Answer(200));
            using var invoker = Invoker(new RetryOptions { MaxRetryAfter = TimeSpan.FromSeconds(60) }, inner, clock);

            using var response = await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, Url), CancellationToken.None);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.InRange(Assert.Single(clock.RequestedDelays), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(66));
        }

        [Fact]
        public async Task A_Retry_After_given_as_a_date_is_waited_until_that_date()
        {
            var clock = new ManualTimeProvider { AutoAdvance = true };
            var inner = new ScriptedHandler(Answer(429, retryAt: clock.GetUtcNow().AddSeconds(20)), Answer(200));
            using var invoker = Invoker(new RetryOptions(), inner, clock);

            using var response = await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, Url), CancellationToken.None);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.InRange(Assert.Single(clock.RequestedDelays), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(22));
        }

        [Fact]
        public async Task A_Retry_After_date_already_past_is_retried_after_the_short_jitter_only()
        {
            var clock = new ManualTimeProvider { AutoAdvance = true };
            var inner = new ScriptedHandler(Answer(429, retryAt: clock.GetUtcNow().AddSeconds(-30)), Answer(200));
            using var invoker = Invoker(new RetryOptions { BaseDelay = TimeSpan.FromSeconds(4) }, inner, clock);

            using var response = await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, Url), CancellationToken.None);

            // The wait asked is zero, spread over the least jitter: never negative, never the 30 s past.
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(2, inner.Calls);
            Assert.All(clock.RequestedDelays, wait => Assert.InRange(wait, TimeSpan.Zero, RetryOptions.MinRetryAfterJitter));
        }

        [Fact]
        public async Task A_retry_that_ends_exactly_at_the_budget_is_still_made()
        {
            var clock = new ManualTimeProvider();
            var budget = TimeSpan.FromSeconds(30);
            var inner = new ScriptedHandler(
                (_, _) =>
                {
                    // The first attempt takes the whole budget; with no backoff the retry fits it exactly.
                    clock.Advance(budget);
                    return Answer(503)(null!, CancellationToken.None);
                },
                Answer(200));
            using var invoker = Invoker(new RetryOptions { BaseDelay = TimeSpan.Zero, Budget = budget }, inner, clock);

            using var response = await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, Url), CancellationToken.None);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(2, inner.Calls);
        }

        [Fact]
        public async Task A_Retry_After_delays_only_the_request_that_got_it()
        {
            var clock = new ManualTimeProvider();
            var inner = new ScriptedHandler(Answer(429, retryAfter: TimeSpan.FromSeconds(30)), Answer(200), Answer(200));
            using var invoker = Invoker(new RetryOptions(), inner, clock);

            var throttled = invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, Url), CancellationToken.None);
            for (var i = 0; i < 500 && clock.RequestedDelays.Count == 0; i++)
            {
                await Task.Delay(10);
            }

            Assert.Single(clock.RequestedDelays);
            using var other = await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, Url), CancellationToken.None);

            // The other request went at once, while the throttled one waits its Retry-After.
            Assert.Equal(HttpStatusCode.OK, other.StatusCode);
            Assert.False(throttled.IsCompleted);
            for (var i = 0; i < 100 && !throttled.IsCompleted; i++)
            {
                clock.Advance(TimeSpan.FromSeconds(1));
                await Task.Delay(10);
            }

            using var retried = await throttled;
            Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
            Assert.Equal(3, inner.Calls);
        }

        [Theory]
        [InlineData(0, 0.5)]
        [InlineData(1, 1.5)]
        [InlineData(20, 22)]
        [InlineData(300, 330)]
        public async Task A_Retry_After_is_waited_at_least_as_asked_and_at_most_a_tenth_or_half_a_second_longer(int askedSeconds, double longestSeconds)
        {
            var clock = new ManualTimeProvider { AutoAdvance = true };
            var answers = Enumerable.Range(0, 20).Select(_ => Answer(429, retryAfter: TimeSpan.FromSeconds(askedSeconds))).Append(Answer(200)).ToArray();
            using var invoker = Invoker(new RetryOptions { Budget = TimeSpan.FromHours(3) }, new ScriptedHandler(answers), clock);

            using var response = await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, Url), CancellationToken.None);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(20, clock.RequestedDelays.Count);
            Assert.All(clock.RequestedDelays, wait => Assert.InRange(wait, TimeSpan.FromSeconds(askedSeconds), TimeSpan.FromSeconds(longestSeconds)));
        }

        [Fact]
        public async Task A_Retry_After_is_jittered_a_tenth_as_much_while_the_context_is_not_overloaded()
        {
            var clock = new ManualTimeProvider { AutoAdvance = true };
            var answers = Enumerable.Range(0, 20).Select(_ => Answer(429, retryAfter: TimeSpan.FromSeconds(1))).Append(Answer(200)).ToArray();
            var handler = new RetryHandler(new RetryOptions(), clock, new AdaptiveConcurrency(32, clock)) { InnerHandler = new ScriptedHandler(answers) };
            using var invoker = new HttpMessageInvoker(handler);

            using var response = await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, Url), CancellationToken.None);

            // The retry handler alone sees the 429s here, so the context's answers stay calm: 1 s and at most 50 ms more.
            Assert.Equal(20, clock.RequestedDelays.Count);
            Assert.All(clock.RequestedDelays, wait => Assert.InRange(wait, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1.05)));
        }

        [Fact]
        public void Jitter_is_never_negative_and_never_beyond_its_spread()
        {
            Assert.Equal(TimeSpan.Zero, Jitter.UpTo(TimeSpan.FromSeconds(-5)));
            Assert.Equal(TimeSpan.Zero, Jitter.UpTo(TimeSpan.Zero));
            var draws = Enumerable.Range(0, 200).Select(_ => Jitter.UpTo(TimeSpan.FromSeconds(1))).ToList();
            Assert.All(draws, d => Assert.InRange(d, TimeSpan.Zero, TimeSpan.FromSeconds(1)));
            Assert.True(draws.Distinct().Count() > 150, "jitter should spread: " + draws.Distinct().Count() + " distinct of 200");
        }

        private static HttpMessageInvoker Invoker(RetryOptions options, HttpMessageHandler inner, TimeProvider clock) =>
            new HttpMessageInvoker(new RetryHandler(options, clock) { InnerHandler = inner });

        private static Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> Answer(int status, TimeSpan? retryAfter = null, DateTimeOffset? retryAt = null) =>
            (_, _) =>
            {
                var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent("{}") };
                if (retryAfter is TimeSpan delta)
                {
                    response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(delta);
                }
                else if (retryAt is DateTimeOffset date)
                {
                    response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(date);
                }

                return Task.FromResult(response);
            };
    }
}
