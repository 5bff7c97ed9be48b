using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using PlatformFlow.Client.Http;
using PlatformFlow.Tests.Support;
using Xunit;

namespace PlatformFlow.Tests.Client
{
    public sealed class AdaptiveConcurrencyTests
    {
        [Fact]
        public void Random_429s_leave_the_limit_and_a_storm_of_them_halves_it_once_per_interval_and_answers_raise_it_back()
        {
            var clock = new ManualTimeProvider();
            var concurrency = new AdaptiveConcurrency(32, clock);

            // A few 429s together (random ones cluster) are no overload.
            Throttle(concurrency, clock, 4);
            Assert.Equal(32, concurrency.Limit);
            Assert.False(concurrency.Overloaded);

            // Ten in a row are a quarter of the recent answers: the limit halves, and one overload answering many requests
            // at once lowers it no more within the interval.
            Throttle(concurrency, clock, 6);
            Assert.True(concurrency.Overloaded);
            Assert.Equal(16, concurrency.Limit);
            clock.Advance(AdaptiveConcurrency.DecreaseInterval);
            Answer(concurrency, clock, throttled: true);
            Assert.Equal(8, concurrency.Limit);

            // Additive increase: about a limit's worth of answers per step up, never past the most.
            for (var i = 0; i < 9; i++)
            {
                Answer(concurrency, clock, throttled: false);
            }

            Assert.Equal(9, concurrency.Limit);
            for (var i = 0; i < 1000; i++)
            {
                Answer(concurrency, clock, throttled: false);
            }

            Assert.Equal(32, concurrency.Limit);
            Assert.False(concurrency.Overloaded);
            Assert.Equal(0, concurrency.InFlight);
        }

        [Fact]
        public void The_limit_never_falls_below_one()
        {
            var clock = new ManualTimeProvider();
            var concurrency = new AdaptiveConcurrency(4, clock);
            for (var i = 0; i < 10; i++)
            {
                Throttle(concurrency, clock, 10);
                clock.Advance(AdaptiveConcurrency.DecreaseInterval);
            }

            Assert.Equal(1, concurrency.Limit);
        }

        [Fact]
        public async Task A_429_holds_the_requests_beyond_the_lowered_limit_until_a_slot_is_free()
        {
            var clock = new ManualTimeProvider();
            var concurrency = new AdaptiveConcurrency(2, clock);
            Throttle(concurrency, clock, 10);
            var release = new TaskCompletionSource<HttpResponseMessage>();
            var inner = new ScriptedHandler(
                (_, _) => Task.FromResult(new HttpResponseMessage((HttpStatusCode)429)),
                (_, _) => release.Task,
                (_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)));
            using var invoker = new HttpMessageInvoker(new ConcurrencyLimitHandler(concurrency) { InnerHandler = inner });

            using (var throttled = await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://platform.example/a"), CancellationToken.None))
            {
                Assert.Equal(429, (int)throttled.StatusCode);
            }

            // Lowered to one, and the throttled attempt's slot comes back only after the least slot time.
            Assert.Equal(1, concurrency.Limit);
            clock.Advance(AdaptiveConcurrency.MinSlotTime);
            var slow = invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://platform.example/b"), CancellationToken.None);
            var next = invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://platform.example/c"), CancellationToken.None);
            await Task.Delay(100);
            Assert.Equal(2, inner.Calls);
            Assert.False(next.IsCompleted);

            release.SetResult(new HttpResponseMessage(HttpStatusCode.OK));
            (await slow).Dispose();
            clock.Advance(AdaptiveConcurrency.MinSlotTime);
            using var answered = await next;
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
            Assert.Equal(3, inner.Calls);
        }

        [Fact]
        public async Task A_cancelled_wait_gives_its_turn_to_the_next_caller()
        {
            var concurrency = new AdaptiveConcurrency(1, TimeProvider.System);
            var held = await concurrency.EnterAsync(CancellationToken.None);
            using var cancel = new CancellationTokenSource();
            var cancelled = concurrency.EnterAsync(cancel.Token).AsTask();
            var next = concurrency.EnterAsync(CancellationToken.None).AsTask();

            cancel.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
            concurrency.Release(held, throttled: null);

            concurrency.Release(await next, throttled: null);
            Assert.Equal(0, concurrency.InFlight);
        }

        private static void Throttle(AdaptiveConcurrency concurrency, ManualTimeProvider clock, int times)
        {
            for (var i = 0; i < times; i++)
            {
                Answer(concurrency, clock, throttled: true);
            }
        }

        /// <summary>One request in and out; its slot is back when this returns (a lowered limit holds it the least slot time).</summary>
        private static void Answer(AdaptiveConcurrency concurrency, ManualTimeProvider clock, bool throttled)
        {
            var slot = concurrency.EnterAsync(CancellationToken.None);
            Assert.True(slot.IsCompleted);
            concurrency.Release(slot.Result, throttled);
            clock.Advance(AdaptiveConcurrency.MinSlotTime);
        }
    }
}
