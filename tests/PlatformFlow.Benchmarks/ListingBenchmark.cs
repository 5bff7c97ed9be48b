using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using PlatformFlow.Client.Inputs;
using PlatformFlow.Client.Operations;

namespace PlatformFlow.Benchmarks
{
    /// <summary>
    /// Get-Dataflow listing every flow, twice: a run that samples the heap, then a timed run (time, first object,
    /// allocations). They are kept apart because the sampling's forced collections would distort the timings; going
    /// first, the sampled run also brings the code to its optimized JIT tier, so the timed run's first page is typical.
    /// </summary>
    public sealed class ListingBenchmark
    {
        // About ten samples per stream: the first lands at 10% of it, the last at its end.
        private const int SamplesPerStream = 10;

        private readonly EmulatedPlatform _platform;
        private readonly int _pageSize;

        public ListingBenchmark(EmulatedPlatform platform, int pageSize)
        {
            _platform = platform;
            _pageSize = pageSize;
        }

        public async Task<ListingResult> RunAsync(int flows)
        {
            var samples = await SampledRunAsync(flows).ConfigureAwait(false);
            var timed = await TimedRunAsync(flows).ConfigureAwait(false);
            return new ListingResult(flows, _pageSize, timed, samples);
        }

        private async Task<TimedRun> TimedRunAsync(int flows)
        {
            ForceFullCollection();
            var gcBefore = CollectionCounts();
            var emulatorBefore = _platform.Meter.Snapshot();
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            var host = new StreamConsumerHost(clock, 0, flows);

            await ListAsync(host).ConfigureAwait(false);

            clock.Stop();
            ExpectEveryFlow(host, flows);
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            var gcAfter = CollectionCounts();
            return new TimedRun(
                host.Count,
                clock.Elapsed,
                host.FirstObjectAfter.GetValueOrDefault(),
                allocated,
                _platform.Meter.Snapshot() - emulatorBefore,
                gcAfter.Zip(gcBefore, (after, before) => after - before).ToArray());
        }

        private async Task<HeapSample[]> SampledRunAsync(int flows)
        {
            var wholePages = Math.Max(1, (int)Math.Ceiling(flows / (double)SamplesPerStream / _pageSize));
            var host = new StreamConsumerHost(Stopwatch.StartNew(), wholePages * _pageSize, flows);
            await ListAsync(host).ConfigureAwait(false);
            ExpectEveryFlow(host, flows);
            return host.Samples.ToArray();
        }

        /// <summary>What <c>Get-Dataflow -PageSize n</c> runs: every flow, page by page.</summary>
        private Task ListAsync(StreamConsumerHost host) =>
            new GetDataflowOperation(_platform.Client).RunAsync(new ResourceQuery { PageSize = _pageSize }, host);

        /// <summary>Numbers about a listing that lost or repeated flows would mean nothing.</summary>
        private static void ExpectEveryFlow(StreamConsumerHost host, int flows)
        {
            if (host.Count != flows)
            {
                throw new InvalidOperationException("The listing wrote " + host.Count + " objects for " + flows + " flows.");
            }
        }

        private static void ForceFullCollection()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
        }

        private static int[] CollectionCounts() => Enumerable.Range(0, GC.MaxGeneration + 1).Select(GC.CollectionCount).ToArray();
    }
}
