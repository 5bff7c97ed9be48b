using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;

namespace PlatformFlow.Benchmarks
{
    /// <summary>The results as a table: measure, value, and the target with its verdict where there is one.</summary>
    public static class Report
    {
        public static void Write(TextWriter output, ListingResult result, ListingTargets targets)
        {
            var timed = result.Timed;
            var rows = new List<(string Measure, string Value, TargetOutcome? Target)>
            {
                ("Flows listed", Units.Whole(timed.Objects) + " in " + Units.Whole(timed.Emulator.Requests) + " pages of " + result.PageSize, null),
                ("Wall time", Units.Milliseconds(timed.Elapsed.TotalMilliseconds), null),
                ("  in the in-process emulator", Units.Milliseconds(timed.Emulator.Elapsed.TotalMilliseconds) + " (" + Units.Percent(timed.Emulator.Elapsed / timed.Elapsed) + ")", null),
                ("  in the client", Units.Milliseconds(result.ClientElapsed.TotalMilliseconds), null),
                ("Throughput, end to end", Units.Whole(result.ObjectsPerSecond) + " objects/s", null),
                ("Throughput, client alone", Units.Whole(result.ClientObjectsPerSecond) + " objects/s", targets.Throughput),
                ("First object after", Units.Milliseconds(timed.FirstObjectAfter.TotalMilliseconds) + " (" + Units.Percent(result.FirstObjectShareOfTotal) + " of the wall time)", null),
                ("  in mean page times", result.FirstObjectInPages.ToString("0.00", CultureInfo.InvariantCulture) + " (a page: " + Units.Milliseconds(result.MeanPageTime.TotalMilliseconds) + ")", targets.FirstObject),
                ("Allocated, total", Units.Megabytes(timed.AllocatedBytes), null),
                ("  by the client", Units.Megabytes(result.ClientAllocatedBytes) + ", " + Units.Kilobytes(result.ClientBytesPerObject) + "/object", targets.Allocation),
                ("GC collections gen0/gen1/gen2", string.Join("/", timed.GcCollections), null),
                ("Live heap at " + Units.Whole(result.Heap[0].Objects) + " objects", Units.Megabytes(result.HeapAtFirstSample), null),
                ("Live heap at the end (" + Units.Whole(result.Heap[result.Heap.Count - 1].Objects) + ")", Units.Megabytes(result.HeapAtEnd), null),
                ("Live heap growth, first sample to end", Units.SignedMegabytes(result.HeapGrowth), targets.HeapGrowth),
                ("Live heap slope (samples: " + result.Heap.Count + ")", Units.SignedKilobytes(result.HeapGrowthPerThousandObjects) + " per 1,000 objects", null),
                ("Peak live heap", Units.Megabytes(result.PeakHeap), null),
            };

            MeasurementTable.Write(
                output,
                "Get-Dataflow listing: " + Units.Whole(result.Flows) + " flows, page size " + result.PageSize
                + " (" + RuntimeInformation.FrameworkDescription + ", " + Environment.ProcessorCount + " cores, " + BuildConfiguration + ")",
                rows);
        }

#if DEBUG
        private const string BuildConfiguration = "Debug build: not representative";
#else
        private const string BuildConfiguration = "Release";
#endif
    }
}
