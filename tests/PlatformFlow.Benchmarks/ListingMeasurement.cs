using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Threading.Tasks;

namespace PlatformFlow.Benchmarks
{
    /// <summary>P3: Get-Dataflow listing every flow streams, with flat memory, whatever the count (<c>--flows</c>).</summary>
    public sealed class ListingMeasurement : IMeasurement
    {
        public string Id => "P3";

        public async Task<MeasurementReport> RunAsync(BenchmarkOptions options)
        {
            using var platform = new EmulatedPlatform();
            var setup = Stopwatch.StartNew();
            await platform.CreateFlowsAsync(options.Flows).ConfigureAwait(false);
            setup.Stop();

            var result = await new ListingBenchmark(platform, options.PageSize).RunAsync(options.Flows).ConfigureAwait(false);
            var targets = ListingTargets.Evaluate(result);
            var timed = result.Timed;
            return new MeasurementReport(
                "P3 Get-Dataflow listing: " + Units.Whole(result.Flows) + " flows, page size " + result.PageSize,
                new List<ReportRow>
                {
                    new ReportRow("Flows created first (not timed)", Units.Whole(options.Flows) + " in " + Units.Milliseconds(setup.Elapsed.TotalMilliseconds)),
                    new ReportRow("Flows listed", Units.Whole(timed.Objects) + " in " + Units.Whole(timed.Emulator.Requests) + " pages of " + result.PageSize),
                    new ReportRow("Wall time", Units.Milliseconds(timed.Elapsed.TotalMilliseconds)),
                    new ReportRow("  in the in-process emulator", Units.Milliseconds(timed.Emulator.Elapsed.TotalMilliseconds) + " (" + Units.Percent(timed.Emulator.Elapsed / timed.Elapsed) + ")"),
                    new ReportRow("  in the client", Units.Milliseconds(result.ClientElapsed.TotalMilliseconds)),
                    new ReportRow("Throughput, end to end", Units.Whole(result.ObjectsPerSecond) + " objects/s"),
                    new ReportRow("Throughput, client alone", Units.Whole(result.ClientObjectsPerSecond) + " objects/s", targets.Throughput),
                    new ReportRow("First object after", Units.Milliseconds(timed.FirstObjectAfter.TotalMilliseconds) + " (" + Units.Percent(result.FirstObjectShareOfTotal) + " of the wall time)"),
                    new ReportRow("  in mean page times", result.FirstObjectInPages.ToString("0.00", CultureInfo.InvariantCulture) + " (a page: " + Units.Milliseconds(result.MeanPageTime.TotalMilliseconds) + ")", targets.FirstObject),
                    new ReportRow("Allocated, total", Units.Megabytes(timed.AllocatedBytes)),
                    new ReportRow("  by the client", Units.Megabytes(result.ClientAllocatedBytes) + ", " + Units.Kilobytes(result.ClientBytesPerObject) + "/object", targets.Allocation),
                    new ReportRow("GC collections gen0/gen1/gen2", string.Join("/", timed.GcCollections)),
                    new ReportRow("Live heap at " + Units.Whole(result.Heap[0].Objects) + " objects", Units.Megabytes(result.HeapAtFirstSample)),
                    new ReportRow("Live heap at the end (" + Units.Whole(result.Heap[result.Heap.Count - 1].Objects) + ")", Units.Megabytes(result.HeapAtEnd)),
                    new ReportRow("Live heap growth, first sample to end", Units.SignedMegabytes(result.HeapGrowth), targets.HeapGrowth),
                    new ReportRow("Live heap slope (samples: " + result.Heap.Count + ")", Units.SignedKilobytes(result.HeapGrowthPerThousandObjects) + " per 1,000 objects"),
                    new ReportRow("Peak live heap", Units.Megabytes(result.PeakHeap)),
                });
        }
    }
}
