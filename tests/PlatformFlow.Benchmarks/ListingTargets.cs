using System.Collections.Generic;
using System.Globalization;

namespace PlatformFlow.Benchmarks
{
    /// <summary>
    /// What "Get-Dataflow lists stream: objects are written as each page arrives, memory stays flat whatever the count"
    /// means in numbers. Each limit has three times or more headroom over what a 2-core machine measured (README), so a
    /// slow or busy machine passes while buffering, a leak or a large slowdown does not.
    /// </summary>
    public sealed class ListingTargets
    {
        /// <summary>
        /// Live heap added from 10% of the stream to its end; measured +0.03 to +0.08 MB. Streaming keeps one page alive
        /// whatever the count, while keeping every flow costs about 5 KB each: 5,000 kept would add over 20 MB.
        /// </summary>
        public const double MaxHeapGrowthMegabytes = 2;

        /// <summary>
        /// The first object's latency in mean page times; measured 0.7 to 1.0. Streaming writes it after one page; a
        /// listing that buffered would write it after all of them (100 at the default size).
        /// </summary>
        public const double MaxFirstObjectInPages = 3;

        /// <summary>
        /// Objects per second through the client alone (HTTP pipeline, JSON, operation, host), the emulator's time taken
        /// out, since its cost per page grows with the flow count; measured 27,000 to 48,000.
        /// </summary>
        public const double MinClientObjectsPerSecond = 8000;

        /// <summary>Bytes the client allocates per object listed, the emulator's allocations taken out; measured 10.0 KB.</summary>
        public const double MaxClientKilobytesPerObject = 30;

        private ListingTargets(ListingResult result)
        {
            HeapGrowth = new TargetOutcome(
                "< " + Number(MaxHeapGrowthMegabytes, "0") + " MB",
                result.HeapGrowth < MaxHeapGrowthMegabytes * Units.Megabyte,
                "Memory is not flat: the live heap grew by " + Units.Megabytes(result.HeapGrowth) + " while streaming (target < " + Number(MaxHeapGrowthMegabytes, "0") + " MB).");
            FirstObject = new TargetOutcome(
                "<= " + Number(MaxFirstObjectInPages, "0") + " page times",
                result.FirstObjectInPages <= MaxFirstObjectInPages,
                "Not streaming: the first object came after " + Number(result.FirstObjectInPages, "0.0") + " page times (target <= " + Number(MaxFirstObjectInPages, "0") + ").");
            Throughput = new TargetOutcome(
                ">= " + Number(MinClientObjectsPerSecond, "N0") + " objects/s",
                result.ClientObjectsPerSecond >= MinClientObjectsPerSecond,
                "Too slow: the client listed " + Number(result.ClientObjectsPerSecond, "N0") + " objects/s (target >= " + Number(MinClientObjectsPerSecond, "N0") + ").");
            Allocation = new TargetOutcome(
                "<= " + Number(MaxClientKilobytesPerObject, "0") + " KB/object",
                result.ClientBytesPerObject <= MaxClientKilobytesPerObject * Units.Kilobyte,
                "Allocates too much: the client allocated " + Units.Kilobytes(result.ClientBytesPerObject) + " per object (target <= " + Number(MaxClientKilobytesPerObject, "0") + " KB).");
        }

        public TargetOutcome HeapGrowth { get; }

        public TargetOutcome FirstObject { get; }

        public TargetOutcome Throughput { get; }

        public TargetOutcome Allocation { get; }

        public IEnumerable<TargetOutcome> All => new[] { HeapGrowth, FirstObject, Throughput, Allocation };

        public static ListingTargets Evaluate(ListingResult result) => new ListingTargets(result);

        private static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
    }

    /// <param name="Failure">What to tell the user when the target is missed.</param>
    public sealed record TargetOutcome(string Target, bool Met, string Failure);
}
