using System;
using System.Collections.Generic;
using System.Linq;

namespace PlatformFlow.Benchmarks
{
    /// <summary>A listing timed without interference: what came, how fast, and what it cost.</summary>
    /// <param name="GcCollections">Collections per generation during the run (gen0 first).</param>
    public sealed record TimedRun(long Objects, TimeSpan Elapsed, TimeSpan FirstObjectAfter, long AllocatedBytes, EmulatorUsage Emulator, IReadOnlyList<int> GcCollections);

    /// <summary>The measurements of one benchmark, and what follows from them.</summary>
    public sealed class ListingResult
    {
        public ListingResult(int flows, int pageSize, TimedRun timed, IReadOnlyList<HeapSample> heap)
        {
            Flows = flows;
            PageSize = pageSize;
            Timed = timed;
            Heap = heap;
        }

        public int Flows { get; }

        public int PageSize { get; }

        public TimedRun Timed { get; }

        /// <summary>The live heap along the sampled run, from about 10% of the stream to its end.</summary>
        public IReadOnlyList<HeapSample> Heap { get; }

        public double ObjectsPerSecond => Timed.Objects / Timed.Elapsed.TotalSeconds;

        /// <summary>The listing's time without the in-process emulator's: what the client itself spends.</summary>
        public TimeSpan ClientElapsed => Timed.Elapsed - Timed.Emulator.Elapsed;

        public double ClientObjectsPerSecond => Timed.Objects / ClientElapsed.TotalSeconds;

        public long ClientAllocatedBytes => Timed.AllocatedBytes - Timed.Emulator.AllocatedBytes;

        public double ClientBytesPerObject => ClientAllocatedBytes / (double)Timed.Objects;

        public double FirstObjectShareOfTotal => Timed.FirstObjectAfter.TotalMilliseconds / Timed.Elapsed.TotalMilliseconds;

        public TimeSpan MeanPageTime => Timed.Elapsed / Math.Max(1, Timed.Emulator.Requests);

        /// <summary>The first object's latency in page times: about 1 when streaming, the page count when buffering.</summary>
        public double FirstObjectInPages => Timed.FirstObjectAfter / MeanPageTime;

        public long HeapAtFirstSample => Heap[0].HeapBytes;

        public long HeapAtEnd => Heap[Heap.Count - 1].HeapBytes;

        public long PeakHeap => Heap.Max(s => s.HeapBytes);

        /// <summary>Live heap added between the first sample (about 10% in) and the end of the stream.</summary>
        public long HeapGrowth => HeapAtEnd - HeapAtFirstSample;

        /// <summary>The least-squares slope of live heap against objects written, per 1,000 objects.</summary>
        public double HeapGrowthPerThousandObjects
        {
            get
            {
                var meanObjects = Heap.Average(s => (double)s.Objects);
                var meanBytes = Heap.Average(s => (double)s.HeapBytes);
                var covariance = Heap.Sum(s => (s.Objects - meanObjects) * (s.HeapBytes - meanBytes));
                var variance = Heap.Sum(s => (s.Objects - meanObjects) * (s.Objects - meanObjects));
                return variance == 0 ? 0 : covariance / variance * 1000;
            }
        }
    }
}
