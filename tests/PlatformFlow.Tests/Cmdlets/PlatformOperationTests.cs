using System;
using System.Threading;
using System.Threading.Tasks;
using PlatformFlow.Client;
using PlatformFlow.Client.Operations;
using PlatformFlow.Tests.Support;
using Xunit;

namespace PlatformFlow.Tests.Cmdlets
{
    /// <summary>
    /// The base of every operation (PlatformOperation): one input's failure becomes that input's error and the next input
    /// goes on, only Ctrl+C stops everything; a create is asked for, then made, planned or skipped; the clock is the
    /// client's unless a test gives one.
    /// </summary>
    public sealed class PlatformOperationTests : IDisposable
    {
        private readonly TestPlatform _platform = new TestPlatform();

        public void Dispose() => _platform.Dispose();

        /// <summary>An operation that exposes the base class's helpers to the tests.</summary>
        private sealed class Probe : PlatformOperation
        {
            public Probe(PlatformClient client, TimeProvider? clock = null)
                : base(client, clock)
            {
            }

            public TimeProvider TheClock => Clock;

            public static Task ForInput(IOperationHost host, Func<Task> work) => ForInputAsync(host, "row-1", "Orders", "Probe", work);

            public static Task<string?> CreateOrPlan(IOperationHost host) =>
                CreateOrPlanAsync(host, "Orders", "Create thing", _ => Task.FromResult<string>("created"), () => "planned");
        }

        [Fact]
        public async Task A_failing_input_becomes_its_own_error_naming_the_input_and_the_step()
        {
            var host = new RecordingHost();

            await Probe.ForInput(host, () => throw new ArgumentException("bad row"));

            var error = Assert.Single(host.Errors);
            Assert.Equal(("ProbeInvalidInput", OperationErrorCategory.InvalidArgument, "row-1", "Orders: bad row"), (error.ErrorId, error.Category, error.Target, error.Message));
        }

        [Fact]
        public async Task A_cancellation_that_is_not_Ctrl_C_is_the_inputs_error_but_Ctrl_C_stops_everything()
        {
            var timedOut = new RecordingHost();
            await Probe.ForInput(timedOut, () => throw new OperationCanceledException("attempt timed out"));
            Assert.Equal("Cancelled", Assert.Single(timedOut.Errors).ErrorId);

            using var stop = new CancellationTokenSource();
            stop.Cancel();
            var stopped = new RecordingHost(cancellation: stop.Token);
            await Assert.ThrowsAsync<OperationCanceledException>(() => Probe.ForInput(stopped, () => throw new OperationCanceledException(stop.Token)));
            Assert.Empty(stopped.Errors);
        }

        [Fact]
        public async Task Running_out_of_memory_is_not_turned_into_an_inputs_error()
        {
            var host = new RecordingHost();

            await Assert.ThrowsAsync<OutOfMemoryException>(() => Probe.ForInput(host, () => throw new OutOfMemoryException()));
            Assert.Empty(host.Errors);
        }

        [Theory]
        [InlineData(ChangeDecision.Proceed, "created")]
        [InlineData(ChangeDecision.WhatIf, "planned")]
        [InlineData(ChangeDecision.Declined, null)]
        public async Task A_create_is_asked_for_then_made_planned_or_skipped(ChangeDecision decision, string? expected)
        {
            var host = new RecordingHost(decision);

            Assert.Equal(expected, await Probe.CreateOrPlan(host));
            Assert.Equal(new[] { ("Orders", "Create thing") }, host.Asked);
        }

        [Fact]
        public void An_operation_keeps_the_clock_it_is_given_else_uses_the_clients()
        {
            var manual = new ManualTimeProvider();

            Assert.Same(manual, new Probe(_platform.Client, manual).TheClock);
            Assert.Same(_platform.Client.Options.Clock, new Probe(_platform.Client).TheClock);
            Assert.Same(_platform.Client, new Probe(_platform.Client).Client);
        }
    }
}
