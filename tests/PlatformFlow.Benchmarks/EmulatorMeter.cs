using System;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using PlatformFlow.Emulator.Engine;

namespace PlatformFlow.Benchmarks
{
    /// <summary>
    /// The time and allocations spent inside the in-process emulator, so the client's own share of a listing can be told
    /// apart from the server's (which a real platform would spend on another machine).
    /// </summary>
    public sealed class EmulatorMeter
    {
        private long _requests;
        private long _elapsedTicks;
        private long _allocatedBytes;

        public EmulatorUsage Snapshot() =>
            new EmulatorUsage(Interlocked.Read(ref _requests), TimeSpan.FromTicks(Interlocked.Read(ref _elapsedTicks)), Interlocked.Read(ref _allocatedBytes));

        /// <summary>The client's innermost handler: the emulator's, metered.</summary>
        public HttpMessageHandler NewHandler(EmulatorEngine engine) => new MeteredHandler(this, new EmulatorHttpMessageHandler(engine));

        private void Add(TimeSpan elapsed, long allocatedBytes)
        {
            Interlocked.Increment(ref _requests);
            Interlocked.Add(ref _elapsedTicks, elapsed.Ticks);
            Interlocked.Add(ref _allocatedBytes, allocatedBytes);
        }

        private sealed class MeteredHandler : DelegatingHandler
        {
            private readonly EmulatorMeter _meter;

            public MeteredHandler(EmulatorMeter meter, HttpMessageHandler emulator)
                : base(emulator)
            {
                _meter = meter;
            }

            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                // Process-wide and precise: the emulator's work may resume on another thread.
                var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
                var started = Stopwatch.GetTimestamp();
                var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                _meter.Add(Stopwatch.GetElapsedTime(started), GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore);
                return response;
            }
        }
    }

    public readonly record struct EmulatorUsage(long Requests, TimeSpan Elapsed, long AllocatedBytes)
    {
        public static EmulatorUsage operator -(EmulatorUsage after, EmulatorUsage before) =>
            new EmulatorUsage(after.Requests - before.Requests, after.Elapsed - before.Elapsed, after.AllocatedBytes - before.AllocatedBytes);
    }
}
